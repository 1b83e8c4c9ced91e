package dev.orion.platform.requestlog;

import dev.orion.platform.retention.ExpiredDataPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The request log is kept {@code ORION_RETENTION_REQUEST_LOG}, 7 days unless configured. */
@ApplicationScoped
public class RequestLogPurge implements ExpiredDataPurge {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "orion.retention.request-log", defaultValue = "P7D")
    Duration retention;

    @Override
    public Purged purgeExpired(OffsetDateTime now, int limit) {
        int entries = em.createNativeQuery("DELETE FROM api_request_log WHERE id IN"
                        + " (SELECT id FROM api_request_log WHERE requested_at < ?1 LIMIT ?2)")
                .setParameter(1, now.minus(retention)).setParameter(2, limit).executeUpdate();
        return new Purged(entries, "request log row(s)");
    }
}
