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
    public Purged purgeExpired(OffsetDateTime now, int limit) {
        int emails = em.createNativeQuery("DELETE FROM email_outbox WHERE id IN"
                        + " (SELECT id FROM email_outbox WHERE status = 'SENT' AND created_at < ?1 LIMIT ?2)")
                .setParameter(1, now.minus(outboxRetention)).setParameter(2, limit).executeUpdate();
        return new Purged(emails, "sent email(s)");
    }
}
