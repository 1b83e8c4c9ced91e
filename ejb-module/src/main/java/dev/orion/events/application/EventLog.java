package dev.orion.events.application;

import dev.orion.events.domain.Delivery;
import dev.orion.events.domain.Event;
import dev.orion.events.domain.WebhookEndpoint;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The one way to record an event, called by the service that makes the change, in its transaction: the event row,
 * a delivery for each enabled endpoint of the vendor that wants its type, and the queue's reminders commit with the
 * change or not at all.
 */
@Stateless
public class EventLog {

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

    @PersistenceContext
    EntityManager em;

    @Inject
    WebhookQueue queue;

    @Inject
    WebhookSettings settings;

    /**
     * A platform-level event (no vendor): listed to platform clients only, delivered to no vendor's endpoint.
     */
    public UUID recordPlatform(String type, Map<String, ?> data) {
        if (!EventTypes.ALL.contains(type)) {
            throw new IllegalArgumentException("Not in the event catalogue: " + type);
        }
        var event = new Event(null, type, JSON.toJson(data));
        em.persist(event);
        return event.getId();
    }

    /** @param data the event's {@code data} object: plain values, lists and maps, written as JSON */
    public UUID record(long vendorId, String type, Map<String, ?> data) {
        if (!EventTypes.ALL.contains(type)) {
            throw new IllegalArgumentException("Not in the event catalogue: " + type);
        }
        var event = new Event(vendorId, type, JSON.toJson(data));
        em.persist(event);
        var endpoints = em.createQuery("SELECT w FROM WebhookEndpoint w WHERE w.vendorId = :vendor AND w.enabled = true"
                        + " ORDER BY w.id", WebhookEndpoint.class)
                .setParameter("vendor", vendorId).getResultList();
        boolean flushed = false;
        for (WebhookEndpoint endpoint : endpoints) {
            if (endpoint.wants(type)) {
                if (!flushed) {
                    em.flush(); // the event row before the deliveries that refer to it
                    flushed = true;
                }
                var delivery = new Delivery(event.getId(), endpoint.getId(), settings.retryDelays().size());
                em.persist(delivery);
                queue.remind(delivery.getId(), delivery.nextAttempt(), Duration.ZERO);
            }
        }
        return event.getId();
    }
}
