package dev.orion.orders.application;

import dev.orion.platform.DomainException;
import java.util.Map;

/** An order with this external id was already placed for the vendor. */
public class DuplicateOrderException extends DomainException {

    private final long existingId;

    public DuplicateOrderException(String externalId, long existingId) {
        super(409, "duplicate-order", "Duplicate order", "Order with external id " + externalId + " already exists as order " + existingId);
        this.existingId = existingId;
    }

    public long existingId() {
        return existingId;
    }

    @Override
    public Map<String, Object> problemMembers() {
        return Map.of("order_id", existingId);
    }
}
