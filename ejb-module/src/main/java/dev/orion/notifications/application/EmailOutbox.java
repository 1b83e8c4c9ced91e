package dev.orion.notifications.application;

import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import dev.orion.platform.observability.ErrorTracking;
import io.micrometer.core.instrument.MeterRegistry;
import dev.orion.notifications.domain.EmailPriority;
import dev.orion.notifications.domain.OutboxEmail;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The outbox as staff work with it: listing by status, and dead letters. An email the broker gave up on
 * (moved to the dead-letter queue after its last attempt) is FAILED here with its last error; re-sending puts
 * it back on the queue, one or all at once, recorded in the audit log for whoever asked.
 */
@Stateless
public class EmailOutbox {

    private static final Logger LOG = Logger.getLogger(EmailOutbox.class.getName());
    public static final int MAX_PAGE = 200;
    /** How a dead letter's error begins; the relay's (or the connection's) last answer follows. */
    static final String GAVE_UP = "Gave up after its last attempt; last error: ";

    @PersistenceContext
    EntityManager em;

    @Inject
    EmailQueue queue;

    @Inject
    EmailComposer composer;

    @Inject
    MeterRegistry meters;

    @Inject
    AuditLog audit;

    @Inject
    jakarta.enterprise.event.Event<EmailDeadLettered> deadLettered;

    /** Newest first; {@code status} null for all. */
    public List<OutboxEmailView> list(OutboxEmail.Status status, int limit) {
        var query = status == null
                ? em.createQuery("SELECT e FROM OutboxEmail e ORDER BY e.id DESC", OutboxEmail.class)
                : em.createQuery("SELECT e FROM OutboxEmail e WHERE e.status = :status ORDER BY e.id DESC", OutboxEmail.class)
                        .setParameter("status", status);
        return query.setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
                .getResultStream().map(OutboxEmailView::of).toList();
    }

    /**
     * One page for the console, newest first: {@code status} null for all, {@code recipient} (null for any) a
     * case-insensitive part of the address.
     */
    public List<OutboxEmailView> page(OutboxEmail.Status status, String recipient, int offset, int limit) {
        return filtered("SELECT e", status, recipient, " ORDER BY e.id DESC", OutboxEmail.class)
                .setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
                .getResultStream().map(OutboxEmailView::of).toList();
    }

    public long count(OutboxEmail.Status status, String recipient) {
        return filtered("SELECT count(e)", status, recipient, "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> filtered(String select, OutboxEmail.Status status, String recipient, String order, Class<T> type) {
        String search = recipient == null || recipient.isBlank() ? null : recipient.strip().toLowerCase(Locale.ROOT);
        var query = em.createQuery(select + " FROM OutboxEmail e WHERE 1 = 1"
                + (status == null ? "" : " AND e.status = :status")
                + (search == null ? "" : " AND LOWER(e.recipient) LIKE :recipient ESCAPE '\\'") + order, type);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (search != null) {
            query.setParameter("recipient", containing(search));
        }
        return query;
    }

    /** A LIKE pattern matching any text that contains {@code search} literally (its % and _ are no wildcards). */
    static String containing(String search) {
        return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * The email as it would go out now, rendered from its template, locale and model; empty when there is no
     * such email. A template that no longer renders is an {@link IllegalStateException} with the reason.
     */
    public Optional<RenderedEmail> preview(long id) {
        return Optional.ofNullable(em.find(OutboxEmail.class, id))
                .map(email -> composer.compose(email.getTemplate(), email.getLocale(), email.getModel()));
    }

    public Optional<OutboxEmailView> find(long id) {
        return Optional.ofNullable(em.find(OutboxEmail.class, id)).map(OutboxEmailView::of);
    }

    /** Called for a message on the dead-letter queue: its email is FAILED unless it was sent meanwhile. */
    public void gaveUp(long outboxId) {
        OutboxEmail email = em.find(OutboxEmail.class, outboxId, LockModeType.PESSIMISTIC_WRITE);
        if (email != null && email.getStatus() == OutboxEmail.Status.QUEUED) {
            email.markFailed(GAVE_UP + email.getLastError());
            meters.counter("orion.emails.failed", "reason", "dead_letter").increment();
            ErrorTracking.reportFailure("Email " + outboxId + " is a dead letter: " + email.getLastError(), "message",
                    java.util.Map.of("queue", "emails.DLQ"));
            LOG.warning(() -> "Email " + outboxId + " to " + email.getRecipient() + " is a dead letter: " + email.getLastError());
            deadLettered.fire(new EmailDeadLettered(outboxId, email.getTemplate(), email.getLastError()));
        }
    }

    /** Puts one FAILED email back on the queue; any other status is a {@link NotResendableException}. */
    public Optional<OutboxEmailView> resend(Actor who, long outboxId) {
        OutboxEmail email = em.find(OutboxEmail.class, outboxId, LockModeType.PESSIMISTIC_WRITE);
        if (email == null) {
            return Optional.empty();
        }
        if (email.getStatus() != OutboxEmail.Status.FAILED) {
            throw new NotResendableException(outboxId, email.getStatus().name());
        }
        email.requeue();
        queue.resend(outboxId, email.getPriority());
        audit.record(who, null, "email.resend", "email", outboxId, email.getRecipient());
        return Optional.of(OutboxEmailView.of(email));
    }

    /** Puts every FAILED email back on the queue; returns how many. */
    public int resendAllFailed(Actor who) {
        List<OutboxEmail> failed = em.createQuery("SELECT e FROM OutboxEmail e WHERE e.status = :failed ORDER BY e.id", OutboxEmail.class)
                .setParameter("failed", OutboxEmail.Status.FAILED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        failed.forEach(email -> {
            email.requeue();
            queue.resend(email.getId(), email.getPriority());
        });
        audit.record(who, null, "email.resend-all", "email", null, failed.size() + " emails");
        return failed.size();
    }

    /**
     * A new message for every email still QUEUED that was written before {@code before}. When a server dies, the
     * messages its broker held are out of reach until it comes back; the outbox still knows those emails, so a
     * survivor reminds the queue of them. A second message for an email is harmless: delivery takes the
     * email's lock and skips it once SENT.
     */
    public int remindQueuedBefore(Instant before) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, priority FROM email_outbox WHERE status = 'QUEUED' AND created_at <= ?1 ORDER BY id")
                .setParameter(1, java.sql.Timestamp.from(before))
                .getResultList();
        // each reminder keeps its email's priority: a reset waiting on a dead node still goes before the bulk mail
        rows.forEach(row -> queue.resend(((Number) row[0]).longValue(), EmailPriority.valueOf((String) row[1])));
        return rows.size();
    }
}
