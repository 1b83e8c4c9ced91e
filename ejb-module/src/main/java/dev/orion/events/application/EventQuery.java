package dev.orion.events.application;

import dev.orion.events.domain.Delivery;
import dev.orion.events.domain.Event;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a vendor's events, oldest first, by keyset on the order they were written in; vendor null reads the
 * platform-level events (no vendor), which only platform clients see.
 */
@Stateless
public class EventQuery {

    @PersistenceContext
    EntityManager em;

    public EventPage page(Long vendorId, EventFilter filter, Long after, int limit) {
        var jpql = new StringBuilder("SELECT e, e.seq FROM Event e WHERE ");
        var params = new LinkedHashMap<String, Object>();
        if (vendorId == null) {
            jpql.append("e.vendorId IS NULL");
        } else {
            jpql.append("e.vendorId = :vendor");
            params.put("vendor", vendorId);
        }
        if (after != null) {
            jpql.append(" AND e.seq > :after");
            params.put("after", after);
        }
        if (filter.type() != null) {
            jpql.append(" AND e.type = :type");
            params.put("type", filter.type());
        }
        if (filter.createdFrom() != null) {
            jpql.append(" AND e.createdAt >= :from");
            params.put("from", filter.createdFrom());
        }
        if (filter.createdTo() != null) {
            jpql.append(" AND e.createdAt < :to");
            params.put("to", filter.createdTo());
        }
        String undelivered = "EXISTS (SELECT 1 FROM Delivery d WHERE d.eventId = e.id AND d.status <> :delivered)";
        if (filter.deliverySuccess() != null) {
            params.put("delivered", Delivery.Status.DELIVERED);
        }
        if (Boolean.FALSE.equals(filter.deliverySuccess())) {
            jpql.append(" AND ").append(undelivered);
        } else if (Boolean.TRUE.equals(filter.deliverySuccess())) {
            jpql.append(" AND NOT ").append(undelivered).append(" AND EXISTS (SELECT 1 FROM Delivery d2 WHERE d2.eventId = e.id)");
        }
        jpql.append(" ORDER BY e.seq");
        var query = em.createQuery(jpql.toString(), Object[].class).setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > limit;
        var items = new ArrayList<EventView>();
        Long last = null;
        for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
            items.add(EventView.of((Event) row[0]));
            last = (Long) row[1];
        }
        return new EventPage(items, more, more ? last : null);
    }

    public Optional<EventView> find(Long vendorId, UUID id) {
        Event event = em.find(Event.class, id);
        return event != null && java.util.Objects.equals(event.getVendorId(), vendorId)
                ? Optional.of(EventView.of(event)) : Optional.empty();
    }
}
