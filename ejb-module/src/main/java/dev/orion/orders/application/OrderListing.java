package dev.orion.orders.application;

import dev.orion.orders.domain.Order;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one order listing, shared by the API (oldest first, a cursor) and the console (newest first, a lazy
 * table): one filter ({@link OrderFilter}), one query, filtered and paged in the database. A page that follows
 * a known one is read by keyset (ids past the last one shown), so paging forward stays cheap however deep it
 * goes; a jump to an arbitrary page skips rows instead.
 */
@Stateless
public class OrderListing {

    public static final int MAX_PAGE = 100;

    /** Which end of the listing comes first. */
    public enum Sort { OLDEST_FIRST, NEWEST_FIRST }

    @PersistenceContext
    EntityManager em;

    /**
     * @param vendorId the vendor whose orders to list; null for all vendors (platform users only)
     * @param afterId  keyset: only orders past this id in the listing's order; null to start from the first
     * @param skip     rows to skip after the keyset (0 when paging by keyset)
     * @param limit    orders per page, at most {@value #MAX_PAGE}
     */
    public OrderPage page(Long vendorId, OrderFilter filter, Sort sort, Long afterId, int skip, int limit) {
        boolean newestFirst = sort == Sort.NEWEST_FIRST;
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        var where = new Where(vendorId, filter);
        if (afterId != null) {
            where.and(newestFirst ? "o.id < :after" : "o.id > :after", "after", afterId);
        }
        // c is the customer the filters name; the customer is fetched by a second, unaliased join because JPA
        // (and Hibernate in JPA-compliance mode) refuses an alias on a fetch join
        TypedQuery<Order> query = em.createQuery("SELECT o FROM Order o JOIN o.customer c JOIN FETCH o.customer" + where.jpql
                        + " ORDER BY o.id" + (newestFirst ? " DESC" : ""), Order.class)
                .setFirstResult(Math.max(0, skip))
                .setMaxResults(size + 1);
        where.values.forEach(query::setParameter);
        List<Order> rows = query.getResultList();
        boolean more = rows.size() > size;
        List<Order> shown = more ? rows.subList(0, size) : rows;
        fetchLines(shown);
        List<OrderView> items = shown.stream().map(OrderView::of).toList();
        return new OrderPage(items, more, more ? items.get(items.size() - 1).id() : null);
    }

    /** How many orders the filter finds: the console's paginator shows it. */
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

    /** The lines of a page's orders in one more query, rather than one query per order. */
    private void fetchLines(List<Order> orders) {
        if (!orders.isEmpty()) {
            em.createQuery("SELECT DISTINCT o FROM Order o LEFT JOIN FETCH o.lines WHERE o.id IN :ids", Order.class)
                    .setParameter("ids", orders.stream().map(Order::getId).toList()).getResultList();
        }
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
