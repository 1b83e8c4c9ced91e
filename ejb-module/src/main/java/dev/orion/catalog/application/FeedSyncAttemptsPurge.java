package dev.orion.catalog.application;

import dev.orion.platform.retention.ExpiredDataPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Feed sync attempts are kept for {@code ORION_RETENTION_FEED_SYNC_ATTEMPTS}. */
@ApplicationScoped
public class FeedSyncAttemptsPurge implements ExpiredDataPurge {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "orion.retention.feed-sync-attempts", defaultValue = "P30D")
    Duration retention;

    @Override
    public Purged purgeExpired(OffsetDateTime now, int limit) {
        int attempts = em.createNativeQuery("DELETE FROM feed_sync_attempts WHERE id IN"
                        + " (SELECT id FROM feed_sync_attempts WHERE attempted_at < ?1 LIMIT ?2)")
                .setParameter(1, now.minus(retention)).setParameter(2, limit).executeUpdate();
        return new Purged(attempts, "feed sync attempt(s)");
    }
}
