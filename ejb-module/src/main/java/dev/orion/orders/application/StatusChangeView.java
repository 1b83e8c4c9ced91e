package dev.orion.orders.application;

import dev.orion.orders.domain.StatusChange;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** One entry of an order's status timeline; {@code from} is null for the order's creation. */
public record StatusChangeView(String from, String to, OffsetDateTime changedAt, String changedBy) implements Serializable {

    static StatusChangeView of(StatusChange change) {
        return new StatusChangeView(change.getFrom() == null ? null : change.getFrom().name(), change.getTo().name(),
                change.getChangedAt(), change.getChangedBy());
    }
}
