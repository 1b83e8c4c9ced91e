package dev.orion.orders.application;

import dev.orion.orders.domain.OrderStatus;
import java.time.OffsetDateTime;

/** Optional filters of an order listing; null means "any". */
public record OrderFilter(OrderStatus status, OffsetDateTime createdFrom, OffsetDateTime createdTo) {
}
