package dev.orion.catalog.application;

import dev.orion.catalog.domain.Availability;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * What a product listing asks for, from the API or the console; null or blank means "any". {@code skuPrefix}
 * matches the start of the SKU, {@code title} any part (case-insensitive), {@code brand} the whole brand in any case,
 * {@code minStock}/{@code maxStock} bound the stock, {@code lowStock} keeps products at or below their vendor's low-stock threshold,
 * {@code text} is a full-text search over title, description and brand (every word as a prefix, through the GIN
 * index) and {@code updatedSince} keeps products changed at or after that instant.
 */
public record ProductQuery(String skuPrefix, String title, String brand, Availability availability,
                           Integer minStock, Integer maxStock, boolean lowStock, String text,
                           OffsetDateTime updatedSince) implements Serializable {

    public static final ProductQuery ALL = new ProductQuery(null, null, null, null, null, null, false, null, null);

    /** The API's filters: {@code q}, {@code updated_since}, {@code availability} and {@code brand}. */
    public static ProductQuery of(String text, OffsetDateTime updatedSince, Availability availability, String brand) {
        return new ProductQuery(null, null, brand, availability, null, null, false, text, updatedSince);
    }
}
