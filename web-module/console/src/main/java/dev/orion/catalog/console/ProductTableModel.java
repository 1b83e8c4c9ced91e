package dev.orion.catalog.console;

import dev.orion.catalog.application.ProductListing;
import dev.orion.catalog.application.ProductQuery;
import dev.orion.catalog.application.ProductSort;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The products table's data: each load() is one paged query in the database. The (capped) count is kept per
 * vendor and query, so paging and sorting cost one query per request and only a filter change counts again.
 */
class ProductTableModel extends LazyDataModel<ProductRow> {

    private static final long serialVersionUID = 1L;

    private final ProductListing listing;
    private final Scope scope;
    private ProductQuery filtered = ProductQuery.ALL;
    private Long countedVendor;
    private ProductQuery countedQuery;
    private long count;
    private List<ProductRow> page = List.of();

    /** What the page decides outside the table's own filters. */
    interface Scope extends java.io.Serializable {
        Long getVendorId();

        boolean isLowStockOnly();
    }

    ProductTableModel(ProductListing listing, Scope scope) {
        this.listing = listing;
        this.scope = scope;
    }

    /** The query of the table's current filters and the page's low-stock switch (what an export should contain). */
    ProductQuery query() {
        return scope.isLowStockOnly() == filtered.lowStock() ? filtered
                : new ProductQuery(filtered.skuPrefix(), filtered.title(), filtered.brand(), filtered.availability(),
                        filtered.minStock(), filtered.maxStock(), scope.isLowStockOnly(), filtered.text(), null);
    }

    void filterBy(Map<String, FilterMeta> filters) {
        filtered = ProductQueryParams.fromFilters(filters, false);
    }

    /** After a write that may change which rows match. */
    void forgetCount() {
        countedQuery = null;
    }

    /** More rows match than are counted (and pageable). */
    boolean isCapped() {
        return matching() > ProductListing.COUNT_CAP;
    }

    @Override
    public int count(Map<String, FilterMeta> filters) {
        filterBy(filters);
        return (int) Math.min(matching(), ProductListing.COUNT_CAP);
    }

    @Override
    public List<ProductRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filters) {
        filterBy(filters);
        Long vendorId = scope.getVendorId();
        if (vendorId == null) {
            return page = List.of();
        }
        setRowCount((int) Math.min(matching(), ProductListing.COUNT_CAP));
        SortMeta sort = sortBy.values().stream().filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst().orElse(null);
        ProductSort column = sort == null ? ProductSort.SKU : ProductSort.byField(sort.getField()).orElse(ProductSort.SKU);
        boolean descending = sort != null && sort.getOrder() == SortOrder.DESCENDING;
        page = listing.page(vendorId, query(), column, descending, first, pageSize).stream().map(ProductRow::new).toList();
        return page;
    }

    private long matching() {
        Long vendorId = scope.getVendorId();
        if (vendorId == null) {
            return 0;
        }
        ProductQuery query = query();
        if (!vendorId.equals(countedVendor) || !query.equals(countedQuery)) {
            count = listing.countUpTo(vendorId, query);
            countedVendor = vendorId;
            countedQuery = query;
        }
        return count;
    }

    @Override
    public String getRowKey(ProductRow row) {
        return Long.toString(row.getId());
    }

    /** Selection and row editing only ever concern the rows on the current page. */
    @Override
    public ProductRow getRowData(String rowKey) {
        return page.stream().filter(row -> getRowKey(row).equals(rowKey)).findFirst().orElse(null);
    }
}
