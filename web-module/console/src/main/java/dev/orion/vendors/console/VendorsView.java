package dev.orion.vendors.console;

import dev.orion.platform.console.ConsoleActor;
import dev.orion.platform.InvalidFieldException;
import dev.orion.platform.console.AdminMessages;
import dev.orion.platform.console.LocaleSwitcher;
import dev.orion.vendors.application.VendorAdministration;
import dev.orion.vendors.application.VendorDetails;
import dev.orion.vendors.application.VendorDirectory;
import dev.orion.vendors.application.VendorSettings;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import dev.orion.platform.console.DatabasePage;
import org.primefaces.model.LazyDataModel;

/** The vendors page (ADMIN): a searchable paged table, one dialog to create or edit, deactivation after a confirmation. */
@Named
@ViewScoped
public class VendorsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    VendorDirectory directory;

    @Inject
    VendorAdministration administration;

    @Inject
    ConsoleActor actor;

    private String search;
    private final LazyDataModel<VendorDetails> vendors = new DatabasePage<>(() -> directory.count(search), (first, size) -> directory.details(search, first, size), vendor -> vendor.id());

    private Long editingId;
    private String code;
    private String name;
    private String locale = "en";
    private BigDecimal vatRate = new BigDecimal("20.00");
    private String feedUrl;
    private Integer lowStockThreshold = VendorSettings.DEFAULT_LOW_STOCK_THRESHOLD;

    public void startNew() {
        editingId = null;
        code = null;
        name = null;
        locale = "en";
        vatRate = new BigDecimal("20.00");
        feedUrl = null;
        lowStockThreshold = VendorSettings.DEFAULT_LOW_STOCK_THRESHOLD;
    }

    public void edit(VendorDetails vendor) {
        editingId = vendor.id();
        code = vendor.code();
        name = vendor.name();
        locale = vendor.locale();
        vatRate = vendor.vatRate();
        feedUrl = vendor.ordersFeedUrl();
        lowStockThreshold = vendor.lowStockThreshold();
    }

    public void save() {
        var settings = new VendorSettings(name, locale, vatRate, feedUrl, lowStockThreshold);
        try {
            if (editingId == null) {
                VendorDetails created = administration.create(actor.get(), code, settings);
                AdminMessages.info("vendor.created", created.code());
            } else {
                administration.update(actor.get(), editingId, settings);
                AdminMessages.info("vendor.saved", code);
            }
        } catch (InvalidFieldException e) {
            AdminMessages.refused(e, "vendor-form");
        }
    }

    public void activate(VendorDetails vendor) {
        administration.activate(actor.get(), vendor.id());
        AdminMessages.info("vendor.activated", vendor.code());
    }

    public void deactivate(VendorDetails vendor) {
        administration.deactivate(actor.get(), vendor.id());
        AdminMessages.info("vendor.deactivated", vendor.code());
    }

    public boolean isEditing() { return editingId != null; }
    public List<String> getLocales() { return LocaleSwitcher.LANGUAGES; }
    public LazyDataModel<VendorDetails> getVendors() { return vendors; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }
    public BigDecimal getVatRate() { return vatRate; }
    public void setVatRate(BigDecimal vatRate) { this.vatRate = vatRate; }
    public String getFeedUrl() { return feedUrl; }
    public void setFeedUrl(String feedUrl) { this.feedUrl = feedUrl; }
    public Integer getLowStockThreshold() { return lowStockThreshold; }
    public void setLowStockThreshold(Integer lowStockThreshold) { this.lowStockThreshold = lowStockThreshold; }
}
