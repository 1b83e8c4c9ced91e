package dev.orion.events.application;

import dev.orion.events.domain.Delivery;
import dev.orion.events.domain.DeliveryAttempt;
import dev.orion.events.domain.Event;
import dev.orion.events.domain.WebhookEndpoint;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An endpoint's deliveries with every attempt, and redelivery of an event: same event id, a new attempt. An event
 * is redelivered either to every endpoint that wants it (the API's {@code POST /events/{id}/redeliver}) or to one
 * endpoint (its delivery log in the console): a user looking at one endpoint's log means that endpoint only.
 */
@Stateless
public class DeliveryLog {

    static final int MAX_REDELIVERED = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    WebhookQueue queue;

    @Inject
    AuditLog audit;

    /** Empty when the vendor has no such endpoint. */
    public Optional<DeliveryPage> deliveries(long vendorId, long endpointId, Long before, int limit) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, endpointId);
        if (endpoint == null || endpoint.getVendorId() != vendorId) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createQuery("SELECT d, e.type FROM Delivery d, Event e WHERE e.id = d.eventId"
                        + " AND d.endpointId = :endpoint AND d.id < :before ORDER BY d.id DESC", Object[].class)
                .setParameter("endpoint", endpointId).setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setMaxResults(limit + 1).getResultList();
        boolean more = rows.size() > limit;
        List<Object[]> page = rows.subList(0, Math.min(limit, rows.size()));
        List<Long> ids = page.stream().map(r -> ((Delivery) r[0]).getId()).toList();
        Map<Long, List<AttemptView>> attempts = ids.isEmpty() ? Map.of()
                : em.createQuery("SELECT a FROM DeliveryAttempt a WHERE a.deliveryId IN :ids ORDER BY a.deliveryId, a.attempt, a.id",
                                DeliveryAttempt.class).setParameter("ids", ids).getResultStream()
                        .collect(Collectors.groupingBy(DeliveryAttempt::getDeliveryId,
                                Collectors.mapping(AttemptView::of, Collectors.toList())));
        var items = new ArrayList<DeliveryView>();
        for (Object[] row : page) {
            Delivery d = (Delivery) row[0];
            items.add(DeliveryView.of(d, (String) row[1], attempts.getOrDefault(d.getId(), List.of())));
        }
        return Optional.of(new DeliveryPage(items, more, more ? ids.get(ids.size() - 1) : null));
    }

    /**
     * Sends again, now, every delivery of the endpoint written since {@code since} that failed for good (FAILED or
     * DEAD): one attempt each, at most {@value #MAX_REDELIVERED} at a time. Empty when the vendor has no such
     * endpoint; a disabled endpoint is refused (enable it first).
     *
     * @return how many deliveries will be attempted
     */
    public Optional<Integer> redeliverFailed(Actor who, long vendorId, long endpointId, OffsetDateTime since) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, endpointId);
        if (endpoint == null || endpoint.getVendorId() != vendorId) {
            return Optional.empty();
        }
        if (!endpoint.isEnabled()) {
            throw new InvalidWebhookEndpointException("The endpoint is disabled; enable it before redelivering to it");
        }
        List<Delivery> failed = em.createQuery("SELECT d FROM Delivery d WHERE d.endpointId = :endpoint"
                        + " AND d.status IN :failed AND d.createdAt >= :since ORDER BY d.id", Delivery.class)
                .setParameter("endpoint", endpointId).setParameter("since", since)
                .setParameter("failed", List.of(Delivery.Status.FAILED, Delivery.Status.DEAD))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(MAX_REDELIVERED).getResultList();
        for (Delivery delivery : failed) {
            delivery.redeliver();
            queue.remind(delivery.getId(), delivery.nextAttempt(), Duration.ZERO);
        }
        audit.record(who, vendorId, "webhook-endpoint.redeliver-failed", "webhook_endpoint", endpointId,
                failed.size() + " delivery(ies) failed since " + since);
        return Optional.of(failed.size());
    }

    /**
     * Sends the event again, now, to this one endpoint: one attempt with the same event id, whatever came of the
     * earlier ones; no other endpoint of the vendor is sent anything. Empty when the vendor has no such endpoint or
     * no such event (another vendor's are as absent as missing ones); a disabled endpoint is refused, and so is an
     * endpoint that never had the event and does not want its type.
     *
     * @return the delivery that will be attempted
     */
    public Optional<Long> redeliverTo(Actor who, long vendorId, long endpointId, UUID eventId) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, endpointId);
        Event event = em.find(Event.class, eventId);
        if (endpoint == null || endpoint.getVendorId() != vendorId
                || event == null || event.getVendorId() == null || event.getVendorId() != vendorId) {
            return Optional.empty();
        }
        if (!endpoint.isEnabled()) {
            throw new InvalidWebhookEndpointException("The endpoint is disabled; enable it before redelivering to it");
        }
        Delivery delivery = lockedDelivery(eventId, endpointId);
        if (delivery == null) {
            if (!endpoint.wants(event.getType())) {
                throw new InvalidWebhookEndpointException("The endpoint does not take events of type " + event.getType());
            }
            delivery = new Delivery(eventId, endpointId, 0);
            em.persist(delivery);
        } else {
            delivery.redeliver();
        }
        em.flush();
        queue.remind(delivery.getId(), delivery.nextAttempt(), Duration.ZERO);
        audit.record(who, vendorId, "webhook-endpoint.redeliver", "webhook_endpoint", endpointId, "event " + eventId);
        return Optional.of(delivery.getId());
    }

    /**
     * Sends the event again, now, to every enabled endpoint of its vendor that wants its type (or once had it):
     * one attempt each, with the same event id, whatever came of the earlier ones. Empty when the vendor has no
     * such event.
     *
     * @return the deliveries that will be attempted
     */
    public Optional<List<Long>> redeliver(Actor who, long vendorId, UUID eventId) {
        Event event = em.find(Event.class, eventId);
        if (event == null || event.getVendorId() == null || event.getVendorId() != vendorId) {
            return Optional.empty();
        }
        var endpoints = em.createQuery("SELECT w FROM WebhookEndpoint w WHERE w.vendorId = :vendor AND w.enabled = true"
                + " ORDER BY w.id", WebhookEndpoint.class).setParameter("vendor", vendorId).getResultList();
        var redelivered = new ArrayList<Long>();
        for (WebhookEndpoint endpoint : endpoints) {
            Delivery delivery = lockedDelivery(eventId, endpoint.getId());
            if (delivery == null) {
                if (!endpoint.wants(event.getType())) {
                    continue;
                }
                delivery = new Delivery(eventId, endpoint.getId(), 0);
                em.persist(delivery);
            } else {
                delivery.redeliver();
            }
            em.flush();
            queue.remind(delivery.getId(), delivery.nextAttempt(), Duration.ZERO);
            redelivered.add(delivery.getId());
        }
        audit.record(who, vendorId, "event.redeliver", "event", eventId, redelivered.size() + " endpoint(s)");
        return Optional.of(redelivered);
    }

    /** The event's delivery to the endpoint, locked against a sender finishing an attempt meanwhile; null if none. */
    private Delivery lockedDelivery(UUID eventId, long endpointId) {
        return em.createQuery("SELECT d FROM Delivery d WHERE d.eventId = :event AND d.endpointId = :endpoint", Delivery.class)
                .setParameter("event", eventId).setParameter("endpoint", endpointId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
    }
}
