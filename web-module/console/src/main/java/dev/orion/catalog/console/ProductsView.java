package dev.orion.catalog.console;

import dev.orion.platform.console.ConsoleActor;
import dev.orion.catalog.application.ProductCatalog;
import dev.orion.catalog.application.ProductEdits;
import dev.orion.catalog.application.ProductListing;
import dev.orion.catalog.application.StaleVersionException;
import dev.orion.catalog.application.StockAdjustment;
import dev.orion.catalog.application.StockConflictException;
import dev.orion.catalog.domain.Availability;
import dev.orion.platform.console.ConsoleCaller;
import dev.orion.platform.console.VendorMenu;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.event.RowEditEvent;
import org.primefaces.event.data.FilterEvent;

/**
 * The products page: a vendor's catalogue in a lazy table (paged, sorted and filtered in the database), inline
 * edit of price and stock, bulk actions on the selected rows and export links for the current filter.
 */
@Named
@ViewScoped
public class ProductsView implements Serializable, ProductTableModel.Scope {

    private static final long serialVersionUID = 1L;

    @Inject
    ProductListing listing;

    @Inject
    ProductEdits edits;

    @Inject
    ProductCatalog catalog;

    @Inject
    VendorMenu vendorChoices;

    @Inject
    ConsoleCaller user;

    private Long vendorId;
    private boolean lowStockOnly;
    private ProductTableModel products;
    private List<ProductRow> selected = new ArrayList<>();
    private Integer stockDelta;

    @PostConstruct
    void init() {
        vendorId = user.isPlatform() ? vendorChoices.firstId() : user.getVendorId();
        products = new ProductTableModel(listing, this);
    }

    @Override
    public Long getVendorId() { return vendorId; }

    public void setVendorId(Long id) {
        // a VENDOR user cannot switch to another vendor, whatever the request says
        this.vendorId = user.isPlatform() ? id : user.getVendorId();
    }

    @Override
    public boolean isLowStockOnly() { return lowStockOnly; }
    public void setLowStockOnly(boolean lowStockOnly) { this.lowStockOnly = lowStockOnly; }

    public ProductTableModel getProducts() { return products; }
    public List<ProductRow> getSelected() { return selected; }
    public void setSelected(List<ProductRow> selected) { this.selected = selected == null ? new ArrayList<>() : selected; }
    public Integer getStockDelta() { return stockDelta; }
    public void setStockDelta(Integer stockDelta) { this.stockDelta = stockDelta; }

    public List<String> getAvailabilities() {
        return Arrays.stream(Availability.values()).map(Availability::wireName).toList();
    }

    /** The vendor or the low-stock switch changed: back to the first page of the new result. */
    public void scopeChanged() {
        selected.clear();
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(":products-form:products") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    /** A new filter: a selection made under the old one no longer applies. */
    public void onFilter(FilterEvent event) {
        selected.clear();
    }

    public boolean isCapped() {
        return products.isCapped();
    }

    public int getCountCap() {
        return ProductListing.COUNT_CAP;
    }

    public String exportUrl(String format) {
        String query = ProductQueryParams.toUrlParams(products.query());
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/catalog/products-export?format="
                + format + (vendorId == null ? "" : "&vendor=" + vendorId) + (query.isEmpty() ? "" : "&" + query);
    }

    public void onRowEdit(RowEditEvent<ProductRow> event) {
        ProductRow row = event.getObject();
        try {
            row.saved(edits.changePriceAndStock(vendorId, row.getId(), row.getVersion(), row.getPrice(), row.getStock(),
                    ConsoleActor.of(user)));
            ProductsMessages.info("products.saved", row.getSku());
        } catch (RuntimeException e) {
            RuntimeException cause = WriteFailures.unwrap(e);
            if (cause instanceof StaleVersionException) {
                ProductsMessages.error("products.stale", row.getSku());
            } else if (cause instanceof IllegalArgumentException) {
                ProductsMessages.error("products.refused", row.getSku(), cause.getMessage());
            } else {
                throw e;
            }
        }
        products.forgetCount();
    }

    public void markOutOfStock() {
        markSelected(Availability.OUT_OF_STOCK);
    }

    public void markInStock() {
        markSelected(Availability.IN_STOCK);
    }

    private void markSelected(Availability availability) {
        if (nothingSelected()) {
            return;
        }
        int changed = edits.markAvailability(vendorId, selectedIds(), availability, ConsoleActor.of(user));
        ProductsMessages.info("products.bulk.marked", changed, ProductsMessages.text("availability." + availability.wireName()));
        afterBulk();
    }

    public void adjustSelectedStock() {
        if (nothingSelected()) {
            return;
        }
        if (stockDelta == null || stockDelta == 0) {
            ProductsMessages.error("products.bulk.noDelta");
            return;
        }
        try {
            var lines = listing.skus(vendorId, selectedIds()).stream()
                    .map(sku -> new StockAdjustment(sku, stockDelta, "console bulk adjustment")).toList();
            int changed = lines.isEmpty() ? 0 : catalog.adjustStock(vendorId, lines, ConsoleActor.of(user)).size();
            ProductsMessages.info("products.bulk.adjusted", changed, stockDelta);
            afterBulk();
        } catch (RuntimeException e) {
            if (!(WriteFailures.unwrap(e) instanceof StockConflictException conflict)) {
                throw e;
            }
            ProductsMessages.error("products.bulk.belowZero", String.join(", ", conflict.skus()));
        }
    }

    private boolean nothingSelected() {
        if (vendorId == null || selected.isEmpty()) {
            ProductsMessages.error("products.bulk.none");
            return true;
        }
        return false;
    }

    private List<Long> selectedIds() {
        return selected.stream().map(ProductRow::getId).toList();
    }

    private void afterBulk() {
        selected.clear();
        stockDelta = null;
        products.forgetCount();
    }
}
