package dev.orion.events.application;

import java.time.OffsetDateTime;

/** What the events API filters by; a null member does not filter. {@code deliverySuccess=false}: some delivery is not (yet) delivered. */
public record EventFilter(String type, OffsetDateTime createdFrom, OffsetDateTime createdTo, Boolean deliverySuccess) {
}
