package dev.orion.platform.audit;

import dev.orion.platform.retention.ExpiredDataPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The audit log is kept longest: {@code ORION_RETENTION_AUDIT_LOG}, a year unless configured. */
@ApplicationScoped
public class AuditLogPurge implements ExpiredDataPurge {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "orion.retention.audit-log", defaultValue = "P365D")
    Duration auditRetention;

    @Override
    public Purged purgeExpired(OffsetDateTime now, int limit) {
        int entries = em.createNativeQuery("DELETE FROM audit_log WHERE id IN"
                        + " (SELECT id FROM audit_log WHERE occurred_at < ?1 LIMIT ?2)")
                .setParameter(1, now.minus(auditRetention)).setParameter(2, limit).executeUpdate();
        return new Purged(entries, "audit log row(s)");
    }
}
