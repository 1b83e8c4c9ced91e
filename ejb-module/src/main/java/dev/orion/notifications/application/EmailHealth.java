package dev.orion.notifications.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** How the outbox is doing, in the figures operators alert on: dead letters and the age of the backlog. */
@Stateless
public class EmailHealth {

    @PersistenceContext
    EntityManager em;

    /** Emails the sender gave up on (FAILED), waiting for someone to resend or drop them. */
    public long deadLetters() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM orion.email_outbox WHERE status = 'FAILED'").getSingleResult()).longValue();
    }

    /** Seconds the oldest email still QUEUED has waited; 0 when nothing waits. */
    public long backlogAgeSeconds() {
        return ((Number) em.createNativeQuery("SELECT COALESCE(CAST(EXTRACT(EPOCH FROM now() - min(created_at)) AS BIGINT), 0)"
                + " FROM orion.email_outbox WHERE status = 'QUEUED'").getSingleResult()).longValue();
    }
}
