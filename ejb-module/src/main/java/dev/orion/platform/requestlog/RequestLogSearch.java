package dev.orion.platform.requestlog;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the request log, newest first: a client's own entries page by page after a cursor (the API), or any
 * client's by offset (the staff console). One WHERE clause for both, so the filters mean the same everywhere.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RequestLogSearch {

    private static final String COLUMNS = "SELECT id, client_id, vendor_id, method, route, status, duration_micros,"
            + " idempotency_key, replayed, correlation_id, requested_at FROM api_request_log";

    @PersistenceContext
    EntityManager em;

    /** Up to {@code limit} entries older than {@code beforeId} (null: the newest). */
    public List<ApiRequest> before(RequestLogFilter filter, Long beforeId, int limit) {
        var where = new Where(filter, beforeId);
        return rows(where.bind(em.createNativeQuery(COLUMNS + where.clause + " ORDER BY id DESC")).setMaxResults(limit));
    }

    public List<ApiRequest> page(RequestLogFilter filter, int first, int max) {
        var where = new Where(filter, null);
        return rows(where.bind(em.createNativeQuery(COLUMNS + where.clause + " ORDER BY id DESC"))
                .setFirstResult(first).setMaxResults(max));
    }

    public long count(RequestLogFilter filter) {
        var where = new Where(filter, null);
        return ((Number) where.bind(em.createNativeQuery("SELECT count(*) FROM api_request_log" + where.clause)).getSingleResult())
                .longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<ApiRequest> rows(Query query) {
        List<ApiRequest> entries = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            entries.add(new ApiRequest(((Number) r[0]).longValue(), (String) r[1], r[2] == null ? null : ((Number) r[2]).longValue(),
                    (String) r[3], (String) r[4], ((Number) r[5]).intValue(), ((Number) r[6]).longValue(), (String) r[7],
                    (Boolean) r[8], (String) r[9], timestamp(r[10])));
        }
        return entries;
    }

    private static OffsetDateTime timestamp(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    /** The WHERE clause of a filter with its positional parameters. */
    private static final class Where {

        final String clause;
        final Map<Integer, Object> params = new LinkedHashMap<>();

        Where(RequestLogFilter f, Long beforeId) {
            List<String> parts = new ArrayList<>();
            if (f.clientId() != null && !f.clientId().isBlank()) {
                parts.add("client_id = " + param(f.clientId().strip()));
            }
            if (f.statusClass() != null) {
                parts.add("status BETWEEN " + param(f.statusClass() * 100) + " AND " + param(f.statusClass() * 100 + 99));
            }
            if (f.route() != null && !f.route().isBlank()) {
                parts.add("route = " + param(f.route().strip()));
            }
            if (f.from() != null) {
                parts.add("requested_at >= " + param(f.from()));
            }
            if (f.to() != null) {
                parts.add("requested_at < " + param(f.to()));
            }
            if (beforeId != null) {
                parts.add("id < " + param(beforeId));
            }
            clause = parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
        }

        private String param(Object value) {
            int position = params.size() + 1;
            params.put(position, value);
            return "?" + position;
        }

        Query bind(Query query) {
            params.forEach(query::setParameter);
            return query;
        }
    }
}
