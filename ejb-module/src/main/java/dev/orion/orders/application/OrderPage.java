package dev.orion.orders.application;

import java.util.List;

/** One page of the order listing; {@code nextAfterId} is where the next page starts (the last id shown) when there is one. */
public record OrderPage(List<OrderView> items, boolean hasMore, Long nextAfterId) {
}
