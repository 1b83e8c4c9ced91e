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
import java.nio.charset.StandardCharsets;
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
            attempts.record(outboxId, e.getMessage());
            throw new TransientDeliveryFailure("SMTP unavailable for email " + outboxId + ": " + e.getMessage(), e);
        }
    }

    private String send(OutboxEmail email, RenderedEmail rendered) throws MessagingException {
        var message = new MimeMessage(mail);
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
