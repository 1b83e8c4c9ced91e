package dev.orion.events.application;

import dev.orion.events.domain.Delivery;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One event's delivery to one endpoint, with every attempt so far (oldest first). */
public record DeliveryView(long id, UUID eventId, String eventType, long endpointId, String status, int attempts,
                           OffsetDateTime nextAttemptAt, OffsetDateTime createdAt, List<AttemptView> attemptLog) implements Serializable {

    static DeliveryView of(Delivery d, String eventType, List<AttemptView> attempts) {
        return new DeliveryView(d.getId(), d.getEventId(), eventType, d.getEndpointId(), d.getStatus().name(),
                d.getAttempts(), d.getNextAttemptAt(), d.getCreatedAt(), attempts);
    }
}
