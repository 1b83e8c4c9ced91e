package dev.orion.notifications.application;

import dev.orion.platform.observability.Correlation;
import dev.orion.notifications.domain.EmailPriority;
import dev.orion.notifications.domain.OutboxEmail;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The one way to send an email. The outbox row and the JMS message join the caller's JTA transaction:
 * if the business change rolls back, neither exists; if it commits, both do. The message carries the email's
 * priority as its JMS priority: the broker hands the senders the most urgent message waiting (docs/email.md).
 */
@Stateless
public class EmailQueue {

    public static final String OUTBOX_ID = "outboxId";
    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/emails")
    Queue emails;

    /** @return the outbox id; an already known dedupe key returns the existing email and sends nothing new */
    public long enqueue(EmailRequest request) {
        var existing = em.createQuery("SELECT e FROM OutboxEmail e WHERE e.dedupeKey = :key", OutboxEmail.class)
                .setParameter("key", request.dedupeKey())
                .getResultStream().findFirst();
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        var email = new OutboxEmail(request.dedupeKey(), request.template(), request.locale(), request.recipient(),
                JSON.toJson(request.model()), EmailAttachment.toJson(request.attachments()), request.priority());
        em.persist(email);
        em.flush();
        resend(email.getId(), email.getPriority());
        return email.getId();
    }

    /**
     * Puts an outbox email on the queue (again: a dead letter, a resend asked for by staff, a reminder), with the
     * priority the email was written with.
     */
    public void resend(long outboxId, EmailPriority priority) {
        // the sender's log lines carry the correlation id of the work that queued the email
        var producer = jms.createProducer().setProperty(OUTBOX_ID, outboxId);
        String correlation = Correlation.peek();
        if (correlation != null) {
            producer.setJMSCorrelationID(correlation);
        }
        producer.setPriority(priority.jmsPriority()).send(emails, "outbox:" + outboxId);
    }
}
