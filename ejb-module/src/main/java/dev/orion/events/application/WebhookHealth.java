package dev.orion.events.application;

import dev.orion.events.domain.WebhookEndpoint;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook endpoints with their delivery health, for the console: one vendor's or every vendor's. Two statements
 * whatever the number of endpoints: the endpoints, then one aggregate over their deliveries and attempts.
 */
@Stateless
public class WebhookHealth {

    /** The deliveries counted: those written in the last 24 hours. */
    public static final Duration WINDOW = Duration.ofHours(24);

    /*
     * The last success and the last failure of each endpoint come from one DISTINCT ON pass over its attempts
     * (webhook_attempts_delivery_idx through webhook_deliveries_endpoint_idx); the events purge bounds how many there are.
     */
    private static final String HEALTH = """
            WITH recent AS (
                SELECT d.endpoint_id,
                       count(*) FILTER (WHERE d.status = 'DELIVERED') AS delivered,
                       count(*) FILTER (WHERE d.status IN ('FAILED', 'DEAD')) AS failed,
                       count(*) FILTER (WHERE d.status = 'PENDING') AS pending
                FROM webhook_deliveries d
                WHERE d.endpoint_id IN (:ids) AND d.created_at >= :since
                GROUP BY d.endpoint_id),
            latest AS (
                SELECT DISTINCT ON (d.endpoint_id, a.outcome = 'DELIVERED')
                       d.endpoint_id, a.outcome = 'DELIVERED' AS ok, a.attempted_at, a.status_code, a.error
                FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
                WHERE d.endpoint_id IN (:ids)
                ORDER BY d.endpoint_id, a.outcome = 'DELIVERED', a.attempted_at DESC, a.id DESC)
            SELECT w.id, coalesce(r.delivered, 0), coalesce(r.failed, 0), coalesce(r.pending, 0),
                   s.attempted_at, f.attempted_at, f.status_code, f.error
            FROM webhook_endpoints w
            LEFT JOIN recent r ON r.endpoint_id = w.id
            LEFT JOIN latest s ON s.endpoint_id = w.id AND s.ok
            LEFT JOIN latest f ON f.endpoint_id = w.id AND NOT f.ok
            WHERE w.id IN (:ids)
            """;

    @PersistenceContext
    EntityManager em;

    /**
     * One vendor's endpoints (oldest first, as the API lists them), or every vendor's, newest first, when
     * {@code vendorId} is null (platform staff only: the caller decides).
     */
    public List<EndpointHealth> list(Long vendorId) {
        var query = vendorId == null
                ? em.createQuery("SELECT w FROM WebhookEndpoint w ORDER BY w.id DESC", WebhookEndpoint.class)
                : em.createQuery("SELECT w FROM WebhookEndpoint w WHERE w.vendorId = :vendor ORDER BY w.id", WebhookEndpoint.class)
                        .setParameter("vendor", vendorId);
        return withHealth(query.getResultStream().map(EndpointView::of).toList());
    }

    /** The endpoint if it is the vendor's (any vendor's when {@code vendorId} is null). */
    public Optional<EndpointHealth> find(Long vendorId, long id) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, id);
        if (endpoint == null || vendorId != null && endpoint.getVendorId() != vendorId) {
            return Optional.empty();
        }
        return withHealth(List.of(EndpointView.of(endpoint))).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private List<EndpointHealth> withHealth(List<EndpointView> endpoints) {
        if (endpoints.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery(HEALTH)
                .setParameter("ids", endpoints.stream().map(EndpointView::id).toList())
                .setParameter("since", OffsetDateTime.now().minus(WINDOW))
                .getResultList();
        Map<Long, Object[]> byId = new HashMap<>();
        rows.forEach(row -> byId.put(((Number) row[0]).longValue(), row));
        return endpoints.stream().map(e -> {
            Object[] r = byId.get(e.id());
            return r == null ? EndpointHealth.quiet(e)
                    : new EndpointHealth(e, ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
                            timestamp(r[4]), timestamp(r[5]), r[6] == null ? null : ((Number) r[6]).intValue(), (String) r[7]);
        }).toList();
    }

    private static OffsetDateTime timestamp(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
