package dev.orion.operations.housekeeping;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Deletes what has outlived its retention: sent emails, old schedule runs and expired password reset links. */
@Stateless
public class Housekeeping {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "orion.retention.outbox", defaultValue = "P30D")
    Duration outboxRetention;

    @Inject
    @ConfigProperty(name = "orion.retention.schedule-runs", defaultValue = "P14D")
    Duration scheduleRunRetention;

    /** @return a one-line summary of what was removed */
    public String purgeExpired() {
        OffsetDateTime now = OffsetDateTime.now();
        int emails = em.createQuery("DELETE FROM OutboxEmail e WHERE e.status = dev.orion.notifications.domain.OutboxEmail.Status.SENT AND e.createdAt < :cutoff")
                .setParameter("cutoff", now.minus(outboxRetention)).executeUpdate();
        int runs = em.createQuery("DELETE FROM ScheduleRun r WHERE r.startedAt < :cutoff AND r.outcome <> 'RUNNING'")
                .setParameter("cutoff", now.minus(scheduleRunRetention)).executeUpdate();
        int tokens = em.createNativeQuery("DELETE FROM password_reset_tokens WHERE expires_at < ?1")
                .setParameter(1, now).executeUpdate();
        return "removed " + emails + " sent email(s), " + runs + " schedule run(s) and " + tokens + " expired password reset link(s)";
    }
}
