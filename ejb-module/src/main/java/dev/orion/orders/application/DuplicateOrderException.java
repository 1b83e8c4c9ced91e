package dev.orion.orders.application;

/** An order with this external id was already placed for the vendor. */
public class DuplicateOrderException extends RuntimeException {

    private final long existingId;

    public DuplicateOrderException(String externalId, long existingId) {
        super("Order with external id " + externalId + " already exists as order " + existingId);
        this.existingId = existingId;
    }

    public long existingId() {
        return existingId;
    }
}
