package dev.orion.orders.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The console's order listing: newest first, filtered and paged in the database. A page that follows a known
 * one is read by keyset (ids below the last one shown), so paging forward stays cheap however deep it goes;
 * a jump to an arbitrary page falls back to an offset.
 */
@Stateless
public class OrderListing {

    public static final int MAX_PAGE = 100;

    @PersistenceContext
    EntityManager em;

    /**
     * @param vendorId  the vendor whose orders to list; null for all vendors (platform users only)
     * @param beforeId  keyset: only orders with a smaller id; null to start from the newest
     * @param skip      rows to skip after the keyset (0 when paging by keyset)
     */
    public List<OrderRow> page(Long vendorId, OrderFilter filter, Long beforeId, int skip, int limit) {
        var where = new Where(vendorId, filter);
        if (beforeId != null) {
            where.and("o.id < :before", "before", beforeId);
        }
        TypedQuery<Object[]> query = em.createQuery("SELECT o.id, o.vendorId, o.externalId, o.status, c.email, c.fullName,"
                        + " o.totalAmount, o.currency, o.createdAt FROM Order o JOIN o.customer c" + where.jpql
                        + " ORDER BY o.id DESC", Object[].class)
                .setFirstResult(Math.max(0, skip))
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)));
        where.values.forEach(query::setParameter);
        return query.getResultList().stream().map(OrderListing::row).toList();
    }

    public long count(Long vendorId, OrderFilter filter) {
        var where = new Where(vendorId, filter);
        var query = em.createQuery("SELECT count(o) FROM Order o JOIN o.customer c" + where.jpql, Long.class);
        where.values.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** The vendor an order belongs to: platform users open any order, and act on it as its vendor. */
    public Optional<Long> vendorOf(long orderId) {
        return em.createQuery("SELECT o.vendorId FROM Order o WHERE o.id = :id", Long.class)
                .setParameter("id", orderId).getResultStream().findFirst();
    }

    private static OrderRow row(Object[] r) {
        return new OrderRow((Long) r[0], (Long) r[1], (String) r[2], ((Enum<?>) r[3]).name(), (String) r[4],
                (String) r[5], (BigDecimal) r[6], (String) r[7], (OffsetDateTime) r[8]);
    }

    /** The WHERE clause and its parameters, built together so they cannot disagree. */
    private static final class Where {
        private String jpql = " WHERE 1 = 1";
        private final Map<String, Object> values = new HashMap<>();

        Where(Long vendorId, OrderFilter filter) {
            if (vendorId != null) {
                and("o.vendorId = :vendor", "vendor", vendorId);
            }
            if (filter.status() != null) {
                and("o.status = :status", "status", filter.status());
            }
            if (filter.createdFrom() != null) {
                and("o.createdAt >= :from", "from", filter.createdFrom());
            }
            if (filter.createdTo() != null) {
                and("o.createdAt < :to", "to", filter.createdTo());
            }
            String text = filter.searchText();
            if (text != null) {
                Long id = filter.searchedOrderId();
                jpql += " AND (lower(c.email) LIKE :pattern ESCAPE '\\' OR o.externalId = :text"
                        + (id == null ? "" : " OR o.id = :id") + ")";
                values.put("pattern", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
                values.put("text", text);
                if (id != null) {
                    values.put("id", id);
                }
            }
        }

        void and(String condition, String name, Object value) {
            jpql += " AND " + condition;
            values.put(name, value);
        }

        private static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
