package dev.orion.catalog.application;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns a product listing may be sorted by, each with the SQL it sorts on. Only these ever reach ORDER BY,
 * so a request cannot inject SQL through a sort field. Each has an index on (vendor_id, column, id) (V1, V10):
 * a sorted page reads only its own rows, and the id makes the order total, so pages never overlap.
 */
public enum ProductSort {
    SKU("sku", "p.sku"),
    TITLE("title", "p.title, p.id"),
    BRAND("brand", "p.brand, p.id"),
    PRICE("price", "p.price_amount, p.id"),
    STOCK("stock", "p.stock, p.id"),
    UPDATED("updatedAt", "p.updated_at, p.id");

    private final String field;
    private final String columns;

    ProductSort(String field, String columns) {
        this.field = field;
        this.columns = columns;
    }

    /** The sort for a table column's field name, if it is sortable. */
    public static Optional<ProductSort> byField(String field) {
        return Arrays.stream(values()).filter(s -> s.field.equals(field)).findFirst();
    }

    String orderBy(boolean descending) {
        return descending ? columns.replace(",", " DESC,") + " DESC" : columns;
    }
}
