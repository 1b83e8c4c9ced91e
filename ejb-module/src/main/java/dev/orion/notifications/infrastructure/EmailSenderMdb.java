package dev.orion.notifications.infrastructure;

import dev.orion.notifications.application.TransientDeliveryFailure;
import dev.orion.platform.cluster.NodeLease;
import dev.orion.platform.observability.Correlation;
import dev.orion.platform.observability.ErrorTracking;
import dev.orion.platform.persistence.DatabaseUnavailableException;
import java.util.Map;
import dev.orion.notifications.application.EmailDelivery;
import dev.orion.notifications.application.EmailQueue;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes emails off the {@code emails} queue, the most urgent waiting first; redelivery delays and the dead-letter
 * queue are broker settings. The broker keeps its waiting messages ordered by JMS priority, but a consumer with the
 * default window (1 MiB) would take hundreds of them into its own buffer at once, and a password reset queued
 * after them would wait in the broker until those buffers had room again; with a window of 0 each sender asks for one message
 * when it is free, so the broker picks the most urgent one at that moment (docs/email.md).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/emails"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
        @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
})
public class EmailSenderMdb implements MessageListener {

    @Inject
    EmailDelivery delivery;

    @Resource
    MessageDrivenContext context;

    @Inject
    NodeLease lease;

    @Override
    public void onMessage(Message message) {
        if (!lease.mayWork()) {
            // this server was taken for dead (or paused for that long): the message goes back to the broker and is
            // delivered again once it has rejoined; the outbox still sends the email once (EmailDelivery)
            context.setRollbackOnly();
            return;
        }
        try {
            Correlation.set(Correlation.acceptOrCreate(message.getJMSCorrelationID()));
            delivery.deliver(message.getLongProperty(EmailQueue.OUTBOX_ID));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable email message", e);
        } catch (TransientDeliveryFailure e) {
            // The broker tries again later. EmailDelivery has logged the one line this attempt deserves; rolling
            // back quietly instead of throwing keeps the resource adapter from logging an expected refusal as an
            // ERROR with a stack trace. Only the last failure (a dead letter) is reported.
            context.setRollbackOnly();
        } catch (DatabaseUnavailableException e) {
            throw e; // no error report per attempt: the outage is logged once, and the message is redelivered later
        } catch (RuntimeException e) {
            ErrorTracking.report(e, "message", Map.of("queue", "emails"));
            throw e;
        } finally {
            Correlation.clear();
        }
    }
}
