package dev.orion.orders.console;

import dev.orion.platform.console.ConsoleActor;
import dev.orion.orders.application.CustomerAdministration;
import dev.orion.orders.application.CustomerView;
import dev.orion.platform.InvalidFieldException;
import dev.orion.platform.console.AdminMessages;
import dev.orion.platform.console.LocaleSwitcher;
import dev.orion.platform.console.VendorMenu;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import dev.orion.platform.console.DatabasePage;
import org.primefaces.model.LazyDataModel;

/** The customers page (ADMIN): every vendor's customers or one vendor's, searchable; create, edit, deactivate. */
@Named
@ViewScoped
public class CustomersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CustomerAdministration administration;

    @Inject
    VendorMenu vendorChoices;

    @Inject
    ConsoleActor actor;

    private Long vendorFilter;
    private String search;
    private final LazyDataModel<CustomerView> customers = new DatabasePage<>(() -> administration.count(vendorFilter, search), (first, size) -> administration.page(vendorFilter, search, first, size), customer -> customer.id());

    private Long editingId;
    private Long vendorId;
    private String email;
    private String name;
    private String locale = "en";

    public void startNew() {
        editingId = null;
        vendorId = vendorFilter;
        email = null;
        name = null;
        locale = "en";
    }

    public void edit(CustomerView customer) {
        editingId = customer.id();
        vendorId = customer.vendorId();
        email = customer.email();
        name = customer.fullName();
        locale = customer.locale();
    }

    public void save() {
        try {
            if (editingId == null) {
                administration.create(actor.get(), vendorId, email, name, locale);
                AdminMessages.info("customer.created", email);
            } else {
                administration.update(actor.get(), editingId, name, locale);
                AdminMessages.info("customer.saved", email);
            }
        } catch (InvalidFieldException e) {
            AdminMessages.refused(e, "customer-form");
        }
    }

    public void deactivate(CustomerView customer) {
        administration.deactivate(actor.get(), customer.id());
        AdminMessages.info("customer.deactivated", customer.email());
    }

    public String vendorName(long id) {
        return vendorChoices.name(id);
    }

    public boolean isEditing() { return editingId != null; }
    public List<String> getLocales() { return LocaleSwitcher.LANGUAGES; }
    public LazyDataModel<CustomerView> getCustomers() { return customers; }
    public Long getVendorFilter() { return vendorFilter; }
    public void setVendorFilter(Long vendorFilter) { this.vendorFilter = vendorFilter; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public Long getVendorId() { return vendorId; }
    public void setVendorId(Long vendorId) { this.vendorId = vendorId; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }
}
