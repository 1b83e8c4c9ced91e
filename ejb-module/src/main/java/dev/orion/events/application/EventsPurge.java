package dev.orion.events.application;

import dev.orion.platform.retention.ExpiredDataPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Events leave after {@code ORION_RETENTION_EVENTS}, their deliveries and attempts with them. */
@ApplicationScoped
public class EventsPurge implements ExpiredDataPurge {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "orion.retention.events", defaultValue = "P30D")
    Duration retention;

    @Override
    public Purged purgeExpired(OffsetDateTime now, int limit) {
        int events = em.createNativeQuery("DELETE FROM events WHERE id IN"
                        + " (SELECT id FROM events WHERE created_at < ?1 LIMIT ?2)")
                .setParameter(1, now.minus(retention)).setParameter(2, limit).executeUpdate();
        return new Purged(events, "event(s)");
    }
}
