package dev.orion.vendors.console;

import dev.orion.platform.console.VendorMenu;
import dev.orion.vendors.application.VendorDirectory;
import dev.orion.vendors.application.VendorSummary;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/**
 * The vendors a console page offers in its vendor menus and names in its tables, read once per view so a postback
 * validates the choice against the same list the page showed. Who may pick which vendor is the page's rule, not this
 * bean's: it knows no user (vendor menus are rendered for platform users only).
 */
@Named
@ViewScoped
public class VendorChoices implements VendorMenu, Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    VendorDirectory vendors;

    private List<VendorSummary> all;

    /** Every vendor, by name. */
    public List<VendorSummary> getAll() {
        if (all == null) {
            all = vendors.all();
        }
        return all;
    }

    /** The active vendors: what a new user or API client may be attached to. */
    public List<VendorSummary> getActive() {
        return getAll().stream().filter(VendorSummary::active).toList();
    }

    /** The first vendor of the menu, the default choice of a platform user (null when there is none). */
    @Override
    public Long firstId() {
        return getAll().stream().findFirst().map(VendorSummary::id).orElse(null);
    }

    /** The vendor's name for a table cell: "" for none, "#id" for a vendor not in the list. */
    @Override
    public String name(Long id) {
        return label(id, VendorSummary::name);
    }

    /** The vendor's code for a table cell: "" for none, "#id" for a vendor not in the list. */
    @Override
    public String code(Long id) {
        return label(id, VendorSummary::code);
    }

    private String label(Long id, Function<VendorSummary, String> part) {
        if (id == null) {
            return "";
        }
        return getAll().stream().filter(v -> v.id() == id).map(part).findFirst().orElse("#" + id);
    }
}
