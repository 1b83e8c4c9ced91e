package dev.orion.orders.application;

import java.util.List;

/** One keyset-paginated page of orders. */
public record OrderPage(List<OrderView> items, boolean hasMore, Long nextAfterId) {
}
