package dev.orion.operations.audit;

import dev.orion.platform.audit.AuditEntry;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the audit log for the viewer: filtered, newest first, one page at a time. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuditSearch {

    @PersistenceContext
    EntityManager em;

    public long count(AuditFilter filter) {
        var where = new Where(filter);
        return where.bind(em.createQuery("SELECT count(a) FROM AuditEntry a" + where.clause, Long.class)).getSingleResult();
    }

    public List<AuditEntry> page(AuditFilter filter, int first, int max) {
        var where = new Where(filter);
        return where.bind(em.createQuery("SELECT a FROM AuditEntry a" + where.clause + " ORDER BY a.occurredAt DESC, a.id DESC",
                AuditEntry.class)).setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** The actions recorded so far, for the filter's choices. */
    public List<String> actions() {
        return em.createQuery("SELECT DISTINCT a.action FROM AuditEntry a ORDER BY a.action", String.class).getResultList();
    }

    public List<String> entityTypes() {
        return em.createQuery("SELECT DISTINCT a.entityType FROM AuditEntry a ORDER BY a.entityType", String.class).getResultList();
    }

    /** The WHERE clause of a filter with its parameters, so the count and the page always agree. */
    private static final class Where {

        final String clause;
        final Map<String, Object> params = new LinkedHashMap<>();

        Where(AuditFilter f) {
            var parts = new java.util.ArrayList<String>();
            if (f.actor() != null && !f.actor().isBlank()) {
                parts.add("lower(a.actor) LIKE :actor ESCAPE '\\'");
                params.put("actor", "%" + escape(f.actor().strip().toLowerCase(java.util.Locale.ROOT)) + "%");
            }
            if (f.vendorId() != null) {
                parts.add("a.vendorId = :vendor");
                params.put("vendor", f.vendorId());
            }
            if (f.action() != null && !f.action().isBlank()) {
                parts.add("a.action = :action");
                params.put("action", f.action());
            }
            if (f.entityType() != null && !f.entityType().isBlank()) {
                parts.add("a.entityType = :type");
                params.put("type", f.entityType());
            }
            ZoneId zone = ZoneId.systemDefault();
            if (f.from() != null) {
                parts.add("a.occurredAt >= :from");
                params.put("from", f.from().atStartOfDay(zone).toOffsetDateTime());
            }
            if (f.to() != null) {
                parts.add("a.occurredAt < :to");
                params.put("to", f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
            }
            clause = parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            params.forEach(query::setParameter);
            return query;
        }

        private static String escape(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
