package dev.orion.catalog.domain;

/** A stock change would take a product below zero. */
public class InsufficientStockException extends RuntimeException {

    private final String sku;

    public InsufficientStockException(String sku, int stock, int delta) {
        super("Not enough stock for SKU " + sku + ": have " + stock + ", change " + delta);
        this.sku = sku;
    }

    public String sku() {
        return sku;
    }
}
