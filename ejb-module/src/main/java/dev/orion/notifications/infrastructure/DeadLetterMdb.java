package dev.orion.notifications.infrastructure;

import dev.orion.notifications.application.EmailOutbox;
import dev.orion.notifications.application.EmailQueue;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes emails off the dead-letter queue once the broker has given up on them and marks them FAILED in the
 * outbox, which is where staff see and re-send them: the outbox row, not the message, is the email.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/emails.DLQ"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class DeadLetterMdb implements MessageListener {

    @EJB
    EmailOutbox outbox;

    @Override
    public void onMessage(Message message) {
        try {
            if (message.propertyExists(EmailQueue.OUTBOX_ID)) {
                outbox.gaveUp(message.getLongProperty(EmailQueue.OUTBOX_ID));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable dead letter", e);
        }
    }
}
