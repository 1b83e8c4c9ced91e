package dev.orion.catalog.application;

import dev.orion.catalog.domain.Availability;
import java.time.OffsetDateTime;

/** Optional filters of a product listing; null means "any". {@code text} is a full-text query. */
public record ProductFilter(String text, OffsetDateTime updatedSince, Availability availability, String brand) {

    public static final ProductFilter NONE = new ProductFilter(null, null, null, null);
}
