package dev.orion.notifications.application;

import dev.orion.platform.retention.ExpiredDataPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sent emails leave the outbox after {@code ORION_RETENTION_OUTBOX}; queued and failed ones stay. */
@ApplicationScoped
public class SentEmailsPurge implements ExpiredDataPurge {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "orion.retention.outbox", defaultValue = "P30D")
    Duration outboxRetention;

    @Override
    public Purged purgeExpired(OffsetDateTime now) {
        int emails = em.createQuery("DELETE FROM OutboxEmail e WHERE e.status = dev.orion.notifications.domain.OutboxEmail.Status.SENT AND e.createdAt < :cutoff")
                .setParameter("cutoff", now.minus(outboxRetention)).executeUpdate();
        return new Purged(emails, "sent email(s)");
    }
}
