package dev.orion.platform.idempotency;

/** What Redis holds for one (client, key): the request's fingerprint and, once finished, its answer. */
public record IdempotencyRecord(String fingerprint, StoredResponse response) {

    public boolean inFlight() {
        return response == null;
    }
}
