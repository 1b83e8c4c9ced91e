package dev.orion.platform.maintenance;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Deletes what has outlived its retention: sent emails and old task-run history. */
@Stateless
public class Housekeeping {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "orion.retention.outbox", defaultValue = "P30D")
    Duration outboxRetention;

    @Inject
    @ConfigProperty(name = "orion.retention.task-runs", defaultValue = "P14D")
    Duration taskRunRetention;

    /** @return a one-line summary of what was removed */
    public String purgeExpired() {
        OffsetDateTime now = OffsetDateTime.now();
        int emails = em.createQuery("DELETE FROM OutboxEmail e WHERE e.status = dev.orion.notifications.domain.OutboxEmail.Status.SENT AND e.createdAt < :cutoff")
                .setParameter("cutoff", now.minus(outboxRetention)).executeUpdate();
        int runs = em.createQuery("DELETE FROM TaskRun r WHERE r.startedAt < :cutoff AND r.outcome <> 'RUNNING'")
                .setParameter("cutoff", now.minus(taskRunRetention)).executeUpdate();
        return "removed " + emails + " sent email(s) and " + runs + " task run(s)";
    }
}
