package dev.orion.events.infrastructure;

import dev.orion.events.application.WebhookQueue;
import dev.orion.events.application.WebhookSender;
import dev.orion.platform.cluster.NodeLease;
import dev.orion.platform.observability.Correlation;
import dev.orion.platform.observability.ErrorTracking;
import dev.orion.platform.persistence.DatabaseUnavailableException;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.Map;

/**
 * Takes delivery reminders off the {@code webhooks} queue; each makes one attempt ({@link WebhookSender}). Retries
 * are new messages with a delivery delay, queued by the attempt that failed, so the broker's own redelivery only
 * covers an attempt that could not be recorded (the database away, the server paused).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/webhooks"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
public class WebhookSenderMdb implements MessageListener {

    @Inject
    WebhookSender sender;

    @Resource
    MessageDrivenContext context;

    @Inject
    NodeLease lease;

    @Override
    public void onMessage(Message message) {
        if (!lease.mayWork()) {
            // taken for dead (or paused that long): the message goes back and is taken again once this server has
            // rejoined, or by another; the attempt number keeps it from being made twice
            context.setRollbackOnly();
            return;
        }
        try {
            Correlation.set(Correlation.acceptOrCreate(message.getJMSCorrelationID()));
            sender.attempt(message.getLongProperty(WebhookQueue.DELIVERY_ID), message.getIntProperty(WebhookQueue.ATTEMPT));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable webhook message", e);
        } catch (DatabaseUnavailableException e) {
            throw e; // logged once as an outage; the broker redelivers later
        } catch (RuntimeException e) {
            ErrorTracking.report(e, "message", Map.of("queue", "webhooks"));
            throw e;
        } finally {
            Correlation.clear();
        }
    }
}
