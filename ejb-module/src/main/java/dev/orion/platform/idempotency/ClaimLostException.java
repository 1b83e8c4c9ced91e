package dev.orion.platform.idempotency;

import dev.orion.platform.DomainException;

/**
 * A request's claim on its idempotency key lapsed (it stopped renewing it, e.g. on a node that was frozen) and a
 * retry took the key over: this request's change rolls back, so the key's request runs once.
 */
public class ClaimLostException extends DomainException {

    public ClaimLostException() {
        super(409, "idempotency-in-flight", "Request in progress",
                "A retry with this Idempotency-Key took over while this request ran; its answer is the one that counts", false);
    }
}
