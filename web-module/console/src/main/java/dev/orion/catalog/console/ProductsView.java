package dev.orion.catalog.console;

import dev.orion.catalog.application.ProductCatalog;
import dev.orion.catalog.application.ProductView;
import dev.orion.identity.console.CurrentUser;
import dev.orion.vendors.application.VendorDirectory;
import dev.orion.vendors.application.VendorSummary;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The products page: a vendor's catalogue in a lazily paged table (only one page is ever loaded). */
@Named
@ViewScoped
public class ProductsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ProductCatalog catalog;

    @Inject
    VendorDirectory vendors;

    @Inject
    CurrentUser user;

    private Long vendorId;
    private List<VendorSummary> vendorChoices;
    private final LazyDataModel<ProductView> products = new Page();

    @PostConstruct
    void init() {
        vendorChoices = user.isPlatform() ? vendors.all() : vendors.find(user.getVendorId()).stream().toList();
        vendorId = user.isPlatform()
                ? vendorChoices.stream().findFirst().map(VendorSummary::id).orElse(null)
                : user.getVendorId();
    }

    public List<VendorSummary> getVendorChoices() { return vendorChoices; }
    public Long getVendorId() { return vendorId; }

    public void setVendorId(Long id) {
        // a VENDOR user cannot switch to another vendor, whatever the request says
        this.vendorId = user.isPlatform() ? id : user.getVendorId();
    }

    public LazyDataModel<ProductView> getProducts() { return products; }

    private class Page extends LazyDataModel<ProductView> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return vendorId == null ? 0 : (int) catalog.count(vendorId);
        }

        @Override
        public List<ProductView> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            return vendorId == null ? List.of() : catalog.slice(vendorId, first, pageSize);
        }

        @Override
        public String getRowKey(ProductView product) {
            return Long.toString(product.id());
        }

        @Override
        public ProductView getRowData(String rowKey) {
            return null;
        }
    }
}
