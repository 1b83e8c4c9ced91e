package dev.orion.notifications.application;

import dev.orion.notifications.domain.OutboxEmail;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Records delivery outcomes in transactions of their own: a failed attempt survives the rollback that triggers
 * redelivery, and a sent email is SENT the moment the relay accepted it, not when the message is acknowledged.
 */
@Stateless
public class EmailAttempts {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    /**
     * Hands the message to the relay with the row already written SENT in this transaction, so the commit that
     * follows the relay's acceptance is one round trip. Should the server die before that commit, its
     * connection closes, PostgreSQL rolls the mark back and the email is sent again: the window is the time
     * between the relay's {@code 250} and the {@code COMMIT} reaching the database.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sendMarkedSent(long outboxId, String subject, Transport relay, MimeMessage message) throws MessagingException {
        em.find(OutboxEmail.class, outboxId, LockModeType.PESSIMISTIC_WRITE).markSent(subject, message.getMessageID());
        em.flush();
        try {
            relay.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            context.setRollbackOnly();
            throw e;
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(long outboxId, String error) {
        // locked, so it reads the row as the dead-letter handler may just have left it, and does not undo that
        OutboxEmail email = em.find(OutboxEmail.class, outboxId, LockModeType.PESSIMISTIC_WRITE);
        if (email != null) {
            email.recordAttempt(error);
            if (email.getStatus() == OutboxEmail.Status.FAILED) {
                // the dead-letter handler got there first (the broker moves the message on as this attempt rolls
                // back): the row stays a dead letter, and says so
                email.markFailed(EmailOutbox.GAVE_UP + error);
            }
        }
    }
}
