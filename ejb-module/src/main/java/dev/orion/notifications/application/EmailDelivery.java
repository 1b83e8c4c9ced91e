package dev.orion.notifications.application;

import dev.orion.notifications.domain.OutboxEmail;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.logging.Logger;

/** Sends one outbox email through the WildFly mail session, at most once per outbox row. */
@Stateless
public class EmailDelivery {

    private static final Logger LOG = Logger.getLogger(EmailDelivery.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:jboss/mail/orion")
    Session mail;

    @Inject
    EmailComposer composer;

    @Inject
    EmailAttempts attempts;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Connect, read and write timeout towards the relay: a relay that stops answering must not hold a sender. */
    @Inject
    @ConfigProperty(name = "orion.smtp.timeout-ms", defaultValue = "10000")
    int timeoutMillis;

    private Session withTimeouts;

    /** The server's mail session (host, port, TLS) plus the timeouts it does not let us configure. */
    private Session session() {
        if (withTimeouts == null) {
            var properties = new Properties();
            properties.putAll(mail.getProperties());
            String timeout = Integer.toString(timeoutMillis);
            properties.setProperty("mail.smtp.connectiontimeout", timeout);
            properties.setProperty("mail.smtp.timeout", timeout);
            properties.setProperty("mail.smtp.writetimeout", timeout);
            withTimeouts = Session.getInstance(properties);
        }
        return withTimeouts;
    }

    /**
     * Runs in the caller's (the MDB's) transaction. A transient SMTP failure is rethrown so the broker
     * redelivers later; a permanent one marks the email FAILED and is not retried.
     */
    public void deliver(long outboxId) {
        OutboxEmail email = em.find(OutboxEmail.class, outboxId, LockModeType.PESSIMISTIC_WRITE);
        if (email == null || email.isSent() || email.getStatus() == OutboxEmail.Status.FAILED) {
            return; // unknown, or already handled by an earlier delivery of this message
        }
        RenderedEmail rendered = composer.compose(email.getTemplate(), email.getLocale(), email.getModel());
        try {
            String messageId = send(email, rendered);
            email.markSent(rendered.subject(), messageId);
        } catch (SendFailedException e) {
            email.markFailed("Rejected recipient: " + e.getMessage());
            LOG.warning(() -> "Email " + outboxId + " to " + email.getRecipient() + " failed permanently: " + e.getMessage());
        } catch (MessagingException e) {
            recordAttemptAfterRollback(outboxId, e.getMessage());
            throw new TransientDeliveryFailure("SMTP unavailable for email " + outboxId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The failed attempt is written once this transaction has rolled back: written now, in a transaction of
     * its own, it would wait for the row lock this transaction holds until the transaction timed out.
     */
    private void recordAttemptAfterRollback(long outboxId, String error) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                attempts.record(outboxId, error);
            }
        });
    }

    private String send(OutboxEmail email, RenderedEmail rendered) throws MessagingException {
        var message = new MimeMessage(session());
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.getRecipient(), true));
        message.setSubject(rendered.subject(), StandardCharsets.UTF_8.name());
        message.setHeader("X-Orion-Dedupe-Key", email.getDedupeKey());
        var text = new MimeBodyPart();
        text.setText(rendered.text(), StandardCharsets.UTF_8.name());
        var html = new MimeBodyPart();
        html.setContent(rendered.html(), "text/html; charset=UTF-8");
        var alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        Transport.send(message);
        return message.getMessageID();
    }
}
