package dev.orion.catalog.application;

import java.util.List;

/** One page of a keyset-paginated listing; {@code nextAfterId} is where the next page starts. */
public record ProductPage(List<ProductView> items, boolean hasMore, Long nextAfterId) {
}
