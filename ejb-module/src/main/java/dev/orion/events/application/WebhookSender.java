package dev.orion.events.application;

import dev.orion.events.domain.Delivery;
import dev.orion.events.domain.DeliveryAttempt;
import dev.orion.events.domain.Event;
import dev.orion.events.domain.WebhookEndpoint;
import dev.orion.platform.imports.fetch.OutboundPost;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Makes one attempt of a delivery, in the queue message's transaction: the delivery row is locked, the event posted
 * (signed, through the kernel's {@link OutboundPost}: vetted address, no redirects, bounded), the attempt recorded
 * and, when a failure may pass, the next attempt's reminder queued with its delay. A crash between the endpoint's
 * answer and the commit makes the attempt again: delivery is at least once (docs/webhooks.md).
 */
@Stateless
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    OutboundPost http;

    @Inject
    WebhookQueue queue;

    @Inject
    WebhookSettings settings;

    @Inject
    EndpointDisabledMailer disabledMailer;

    @Inject
    MeterRegistry meters;

    @Inject
    WebhookSecrets secrets;

    public void attempt(long deliveryId, int attempt) {
        Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !delivery.awaits(attempt)) {
            return; // deleted with its endpoint, or this attempt was made already (a duplicate message)
        }
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, delivery.getEndpointId());
        OffsetDateTime now = OffsetDateTime.now();
        if (!endpoint.isEnabled()) {
            delivery.failed();
            em.persist(new DeliveryAttempt(deliveryId, attempt, now, 0, null, null,
                    "not sent: the endpoint is disabled (" + endpoint.getDisabledReason() + ")", "FAILED", null));
            meters.counter("orion.webhooks.deliveries", "outcome", "not_sent").increment();
            return;
        }
        List<String> signingSecrets;
        try {
            signingSecrets = secrets.open(endpoint.getVendorId(), endpoint.signingSecrets(now));
        } catch (IllegalStateException e) { // retrying would not help: the operator must restore the key
            delivery.failed();
            em.persist(new DeliveryAttempt(deliveryId, attempt, now, 0, null, null,
                    "not sent: the signing secret does not decrypt (" + e.getMessage() + ")", "FAILED", null));
            meters.counter("orion.webhooks.deliveries", "outcome", "not_sent").increment();
            LOG.warning(() -> "Webhook endpoint " + endpoint.getId() + ": " + e.getMessage());
            return;
        }
        EventView event = EventView.of(em.find(Event.class, delivery.getEventId()));
        byte[] body = event.body();
        var headers = new LinkedHashMap<String, String>();
        headers.put("Orion-Event-Id", event.id().toString());
        headers.put("Orion-Event-Type", event.type());
        headers.put("Orion-Delivery-Attempt", Integer.toString(attempt));
        headers.put("Orion-Signature", WebhookSignature.header(now.toEpochSecond(), body, signingSecrets));
        OutboundPost.Outcome outcome = http.post(URI.create(endpoint.getUrl()), headers, body,
                settings.connectTimeout(), settings.timeout(), "Orion webhooks");

        em.refresh(endpoint, LockModeType.PESSIMISTIC_WRITE); // its health may have changed while we waited
        int status = outcome.status();
        String result;
        Long retryIn = null;
        if (status >= 200 && status < 300) {
            delivery.delivered();
            endpoint.succeeded();
            result = "DELIVERED";
        } else if (status >= 300 && status < 500) {
            // a redirect is not followed, a 4xx will not pass by itself; a 410 says the endpoint is gone
            delivery.failed();
            endpoint.failed(now);
            if (status == 410) {
                endpoint.disable("it answered 410 Gone");
                disabledMailer.tell(endpoint, now);
            }
            result = "FAILED";
        } else {
            Optional<Duration> delay = delivery.failedForNow(settings.retryDelays(), now);
            endpoint.failed(now);
            result = delay.isPresent() ? "RETRY" : "DEAD";
            if (delay.isPresent()) {
                retryIn = delay.get().toMillis();
                queue.remind(deliveryId, delivery.nextAttempt(), delay.get());
            }
        }
        if (endpoint.isEnabled() && endpoint.getFailingSince() != null
                && endpoint.getFailingSince().plus(settings.disableAfter()).isBefore(now)) {
            endpoint.disable("its deliveries have failed since " + endpoint.getFailingSince().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            disabledMailer.tell(endpoint, now);
            LOG.warning(() -> "Webhook endpoint " + endpoint.getId() + " of vendor " + endpoint.getVendorId()
                    + " disabled: its deliveries have failed since " + endpoint.getFailingSince());
        }
        em.persist(new DeliveryAttempt(deliveryId, attempt, now, outcome.durationMs(), status == 0 ? null : status,
                outcome.excerpt(), outcome.error(), result, retryIn));
        String outcomeTag = result.toLowerCase(java.util.Locale.ROOT);
        meters.counter("orion.webhooks.deliveries", "outcome", outcomeTag).increment();
        meters.timer("orion.webhooks.attempt.duration", "outcome", outcomeTag)
                .record(Duration.ofMillis(outcome.durationMs()));
        if (!"DELIVERED".equals(result)) {
            String answer = status == 0 ? outcome.error() : "HTTP " + status;
            String outcomeText = result;
            LOG.info(() -> "Webhook delivery " + deliveryId + " (event " + event.id() + ", endpoint " + endpoint.getId()
                    + ") attempt " + attempt + ": " + answer + ", " + outcomeText);
        }
    }
}
