package dev.orion.events.application;

import dev.orion.platform.observability.Correlation;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Duration;

/**
 * Reminds the {@code webhooks} queue that a delivery's attempt is due, after {@code delay} (the broker holds the
 * message until then). The message joins the caller's JTA transaction: the delivery row and its reminder commit
 * together. The row, not the message, is the delivery.
 */
@Stateless
public class WebhookQueue {

    public static final String DELIVERY_ID = "deliveryId";
    public static final String ATTEMPT = "attempt";

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/webhooks")
    Queue webhooks;

    public void remind(long deliveryId, int attempt, Duration delay) {
        var producer = jms.createProducer().setProperty(DELIVERY_ID, deliveryId).setProperty(ATTEMPT, attempt);
        if (!delay.isZero()) {
            producer.setDeliveryDelay(delay.toMillis());
        }
        String correlation = Correlation.peek();
        if (correlation != null) {
            producer.setJMSCorrelationID(correlation);
        }
        producer.send(webhooks, "delivery:" + deliveryId + ":" + attempt);
    }
}
