package dev.orion.orders.application;

import dev.orion.orders.domain.OrderStatus;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * Optional filters of an order listing; null means "any". {@code search} matches part of the customer's email,
 * the exact external id, or the order number when it is one.
 */
public record OrderFilter(OrderStatus status, OffsetDateTime createdFrom, OffsetDateTime createdTo, String search) implements Serializable {

    public OrderFilter(OrderStatus status, OffsetDateTime createdFrom, OffsetDateTime createdTo) {
        this(status, createdFrom, createdTo, null);
    }

    public static OrderFilter none() {
        return new OrderFilter(null, null, null, null);
    }

    /** The search text without surrounding blanks; null when there is nothing to search for. */
    public String searchText() {
        return search == null || search.isBlank() ? null : search.strip();
    }

    /** The search text as an order number, if it is one. */
    public Long searchedOrderId() {
        String text = searchText();
        if (text == null || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.valueOf(text);
    }
}
