package dev.orion.notifications.application;

import io.micrometer.core.instrument.MeterRegistry;
import dev.orion.notifications.domain.OutboxEmail;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import dev.orion.platform.storage.StorageBackend;
import jakarta.activation.DataHandler;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.logging.Logger;

/** Sends one outbox email through the WildFly mail session, at most once per outbox row. */
@Stateless
public class EmailDelivery {

    /** An SMTP reply with a 5xx code, as Jakarta Mail puts it at the start of the exception's message. */
    private static final Pattern PERMANENT_REPLY = Pattern.compile("\\s*5\\d\\d[ -]");
    /** First key of the advisory lock that keeps two deliveries of one email apart (the second is the email). */
    private static final int DELIVERY_LOCK = 0x0E3A;
    private static final Logger LOG = Logger.getLogger(EmailDelivery.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:jboss/mail/orion")
    Session mail;

    @Inject
    EmailComposer composer;

    @Inject
    @Any
    Instance<SecretLinkMinter> minters;

    @Inject
    EmailAttempts attempts;

    @Inject
    EmailThrottle throttle;

    @Inject
    StorageBackend storage;

    @Inject
    MeterRegistry meters;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Connect, read and write timeout towards the relay: a relay that stops answering must not hold a sender. */
    @Inject
    @ConfigProperty(name = "orion.smtp.timeout-ms", defaultValue = "10000")
    int timeoutMillis;

    /** The relay's user for SMTP AUTH (ORION_SMTP_USER); unset: no AUTH, whatever the mail session says. */
    @Inject
    @ConfigProperty(name = "orion.smtp.user")
    Optional<String> smtpUser;

    /** A trust store for the relay's certificate (ORION_SMTP_TRUST_STORE); unset: the JVM's CAs. */
    @Inject
    @ConfigProperty(name = "orion.smtp.trust-store")
    Optional<String> trustStore;

    @Inject
    @ConfigProperty(name = "orion.smtp.trust-store-password")
    Optional<String> trustStorePassword;

    private Session withTimeouts;

    /**
     * The server's mail session (host, port, AUTH, STARTTLS or SMTPS) plus the timeouts it does not let us
     * configure and the relay's trust store. The password stays with the server's session: asked for, it answers.
     */
    private Session session() {
        if (withTimeouts == null) {
            var properties = new Properties();
            properties.putAll(mail.getProperties());
            String timeout = Integer.toString(timeoutMillis);
            properties.setProperty("mail.smtp.connectiontimeout", timeout);
            properties.setProperty("mail.smtp.timeout", timeout);
            properties.setProperty("mail.smtp.writetimeout", timeout);
            if (smtpUser.filter(user -> !user.isBlank()).isEmpty()) {
                // the mail session needs some user name (an expression cannot leave it undefined): unset means no AUTH
                properties.remove("mail.smtp.auth");
                properties.remove("mail.smtp.user");
            }
            trustStore.filter(path -> !path.isBlank()).ifPresent(path ->
                    properties.put("mail.smtp.ssl.socketFactory", RelayTrust.socketFactory(path, trustStorePassword.orElse(""))));
            withTimeouts = Session.getInstance(properties, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return mail.requestPasswordAuthentication(getRequestingSite(), getRequestingPort(), getRequestingProtocol(),
                            getRequestingPrompt(), getDefaultUserName());
                }
            });
        }
        return withTimeouts;
    }

    /**
     * Runs in the caller's (the MDB's) transaction. A transient SMTP failure is rethrown so the broker
     * redelivers later; a permanent one marks the email FAILED and is not retried.
     */
    public void deliver(long outboxId) {
        // one delivery of an email at a time, without a row lock: the SENT mark below must commit on its own
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1, ?2)) AS locked")
                .setParameter(1, DELIVERY_LOCK).setParameter(2, (int) (outboxId ^ (outboxId >>> 32))).getSingleResult();
        OutboxEmail email = em.find(OutboxEmail.class, outboxId);
        if (email == null || email.isSent() || email.getStatus() == OutboxEmail.Status.FAILED) {
            return; // unknown, or already handled by an earlier delivery of this message
        }
        RenderedEmail rendered = composer.compose(email.getTemplate(), email.getLocale(), email.getModel(), this::mint);
        throttle.awaitTurn();
        try {
            send(email, rendered);
            meters.counter("orion.emails.sent").increment();
        } catch (MessagingException e) {
            if (e instanceof AuthenticationFailedException) {
                // the relay refused Orion's credentials (a 535): Orion's configuration, not this email, is at fault;
                // the email waits (redelivery, then the dead letters) until the password is fixed, and is not lost
                String answer = String.valueOf(e.getMessage()).strip(); // the relay's reply, with its line end
                recordAttemptAfterRollback(outboxId, "Relay refused authentication: " + answer);
                meters.counter("orion.emails.retried").increment();
                LOG.warning(() -> "Email " + outboxId + " not sent: the SMTP relay refused authentication as "
                        + smtpUser.orElse("") + ": " + answer + " (check ORION_SMTP_USER/ORION_SMTP_PASSWORD); it will be retried");
                throw new TransientDeliveryFailure("SMTP relay refused authentication for email " + outboxId + ": " + answer, e);
            }
            if (isPermanent(e)) {
                email.recordAttempt(e.getMessage());
                email.markFailed("Refused permanently: " + e.getMessage());
                meters.counter("orion.emails.failed", "reason", "refused").increment();
                LOG.warning(() -> "Email " + outboxId + " to " + email.getRecipient() + " failed permanently: " + e.getMessage());
                return;
            }
            recordAttemptAfterRollback(outboxId, withCause(e));
            meters.counter("orion.emails.retried").increment();
            throw new TransientDeliveryFailure("SMTP unavailable for email " + outboxId + ": " + e.getMessage(), e);
        }
    }

    /** Jakarta Mail's message and what lies under it ("Could not connect to SMTP host ..." alone hides a TLS refusal). */
    private static String withCause(MessagingException e) {
        Throwable cause = e.getCause();
        return cause == null || cause.getMessage() == null ? e.getMessage() : e.getMessage() + " (" + cause.getMessage() + ")";
    }

    /** The usable link for a secret, made now (each attempt replaces the last one's secret; see SecretLinkMinter). */
    private String mint(String kind, long ref) {
        SecretLinkMinter minter = minters.stream().filter(m -> m.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No minter for secret links of kind " + kind));
        return minter.mint(ref).orElseGet(minter::fallbackLink);
    }

    /**
     * A malformed address, or a 5xx answer from the relay (such as 550 for an unknown mailbox), will not get
     * better by retrying; anything else (connection refused, timeouts, 4xx) may.
     */
    static boolean isPermanent(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return false; // a 535 refuses Orion's credentials, not the email: fixed, the email goes out
        }
        if (e instanceof AddressException) {
            return true;
        }
        for (Exception cause = e; cause != null; cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            if (cause.getMessage() != null && PERMANENT_REPLY.matcher(cause.getMessage()).lookingAt()) {
                return true;
            }
        }
        return false;
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

    private MimeBodyPart attachment(EmailAttachment file) throws MessagingException {
        try (var in = storage.open(file.storageKey())) {
            var part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(in, file.contentType())));
            part.setFileName(file.filename());
            part.setDisposition(Part.ATTACHMENT);
            return part;
        } catch (IOException e) {
            // the file is part of the email: without it the email waits (redelivery) rather than going out incomplete
            throw new MessagingException("Attachment " + file.storageKey() + " cannot be read: " + e.getMessage(), e);
        }
    }


    /**
     * SENT is committed the moment the relay accepts (before this delivery's own two-phase commit acknowledges
     * the message, and before QUIT, which a stalled relay may never answer): a crash from then on finds the
     * email SENT when the message comes again.
     */
    private void send(OutboxEmail email, RenderedEmail rendered) throws MessagingException {
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
        List<EmailAttachment> files = EmailAttachment.fromJson(email.getAttachments());
        if (files.isEmpty()) {
            message.setContent(alternative);
        } else {
            var body = new MimeBodyPart();
            body.setContent(alternative);
            var mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            for (EmailAttachment file : files) {
                mixed.addBodyPart(attachment(file));
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        Transport relay = session().getTransport("smtp");
        relay.connect();
        try {
            attempts.sendMarkedSent(email.getId(), rendered.subject(), relay, message);
        } finally {
            closeQuietly(relay, email.getId());
        }
    }

    private static void closeQuietly(Transport relay, long outboxId) {
        try {
            relay.close();
        } catch (MessagingException e) {
            // the email is sent and marked: a relay that fumbles QUIT changes nothing
            LOG.fine(() -> "Email " + outboxId + " sent; closing the SMTP connection failed: " + e.getMessage());
        }
    }
}
