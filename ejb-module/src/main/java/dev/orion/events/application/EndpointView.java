package dev.orion.events.application;

import dev.orion.events.domain.WebhookEndpoint;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/** A webhook endpoint as its vendor sees it: never its secret. */
public record EndpointView(long id, long vendorId, String url, String description, List<String> eventTypes,
                           boolean enabled, String disabledReason, OffsetDateTime failingSince,
                           OffsetDateTime previousSecretExpiresAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) implements Serializable {

    static EndpointView of(WebhookEndpoint w) {
        OffsetDateTime previous = w.getPreviousSecretUntil() != null && w.getPreviousSecretUntil().isAfter(OffsetDateTime.now())
                ? w.getPreviousSecretUntil() : null;
        return new EndpointView(w.getId(), w.getVendorId(), w.getUrl(), w.getDescription(), w.eventTypes(), w.isEnabled(),
                w.getDisabledReason(), w.getFailingSince(), previous, w.getCreatedAt(), w.getUpdatedAt());
    }
}
