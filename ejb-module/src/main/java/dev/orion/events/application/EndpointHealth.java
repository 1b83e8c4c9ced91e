package dev.orion.events.application;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * An endpoint with how its deliveries went: of the deliveries written in the last {@link WebhookHealth#WINDOW},
 * how many were delivered, failed for good (FAILED or DEAD) or are still pending; its last successful attempt, its
 * last failed one (with the HTTP status, or the error when there was no answer), and since when it has failed
 * without a success in between ({@link EndpointView#failingSince}).
 */
public record EndpointHealth(EndpointView endpoint, long delivered, long failed, long pending, OffsetDateTime lastSuccessAt,
                             OffsetDateTime lastFailureAt, Integer lastFailureStatus, String lastFailureError) implements Serializable {

    static EndpointHealth quiet(EndpointView endpoint) {
        return new EndpointHealth(endpoint, 0, 0, 0, null, null, null, null);
    }
}
