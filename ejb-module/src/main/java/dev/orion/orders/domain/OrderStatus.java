package dev.orion.orders.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The order lifecycle: PENDING → CONFIRMED → SHIPPED → DELIVERED, with CANCELLED before shipping and
 * REFUNDED after payment was taken. Each status knows where it may go next.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, SHIPPED, DELIVERED, CANCELLED, REFUNDED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> EnumSet.of(SHIPPED, CANCELLED, REFUNDED);
            case SHIPPED -> EnumSet.of(DELIVERED, REFUNDED);
            case DELIVERED -> EnumSet.of(REFUNDED);
            case CANCELLED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** Confirmed and not undone since: the customer holds a confirmation that may be sent again. */
    public boolean hasConfirmation() {
        return this == CONFIRMED || this == SHIPPED || this == DELIVERED;
    }
}
