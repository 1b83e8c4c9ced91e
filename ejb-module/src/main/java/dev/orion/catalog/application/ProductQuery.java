package dev.orion.catalog.application;

import dev.orion.catalog.domain.Availability;
import java.io.Serializable;

/**
 * What the console's product table asks for; null or blank means "any". {@code skuPrefix} matches the start of the
 * SKU, {@code title} and {@code brand} any part (case-insensitive), {@code minStock}/{@code maxStock} bound the
 * stock, {@code lowStock} keeps products at or below {@link #LOW_STOCK}, and {@code text} is a full-text search
 * over title, description and brand (the GIN index).
 */
public record ProductQuery(String skuPrefix, String title, String brand, Availability availability,
                           Integer minStock, Integer maxStock, boolean lowStock, String text) implements Serializable {

    public static final int LOW_STOCK = 5;
    public static final ProductQuery ALL = new ProductQuery(null, null, null, null, null, null, false, null);
}
