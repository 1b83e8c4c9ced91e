package dev.orion.catalog.domain;

import dev.orion.platform.DomainException;
import java.util.List;
import java.util.Map;

/** A stock change would take a product below zero. */
public class InsufficientStockException extends DomainException {

    private final String sku;

    public InsufficientStockException(String sku, int stock, int delta) {
        super(409, "insufficient-stock", "Insufficient stock", "Not enough stock for SKU " + sku + ": have " + stock + ", change " + delta);
        this.sku = sku;
    }

    public String sku() {
        return sku;
    }

    @Override
    public Map<String, Object> problemMembers() {
        return Map.of("skus", List.of(sku));
    }
}
