package dev.orion.platform.requestlog;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * One request of an API client, as the request log keeps it. {@code id} is 0 until written; {@code vendorId} is
 * null for platform clients; {@code idempotencyKey} only when the request carried one. Serializable: the staff
 * console's view-scoped table holds a page of them.
 */
public record ApiRequest(long id, String clientId, Long vendorId, String method, String route, int status,
                         long durationMicros, String idempotencyKey, boolean replayed, String correlationId,
                         OffsetDateTime requestedAt) implements Serializable {
}
