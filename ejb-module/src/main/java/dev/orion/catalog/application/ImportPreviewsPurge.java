package dev.orion.catalog.application;

import dev.orion.platform.retention.ExpiredDataPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Dry runs' previews (counts and sample changes) are kept as long as their issues: {@code ORION_RETENTION_IMPORT_ISSUES}. */
@ApplicationScoped
public class ImportPreviewsPurge implements ExpiredDataPurge {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "orion.retention.import-issues", defaultValue = "P30D")
    Duration retention;

    @Override
    public Purged purgeExpired(OffsetDateTime now, int limit) {
        int previews = em.createNativeQuery("WITH gone AS (DELETE FROM import_previews WHERE job_instance_id IN"
                        + " (SELECT job_instance_id FROM import_previews WHERE created_at < ?1 LIMIT ?2) RETURNING job_instance_id),"
                        + " samples AS (DELETE FROM import_preview_samples s USING gone g WHERE s.job_instance_id = g.job_instance_id)"
                        + " SELECT count(*) FROM gone")
                .setParameter(1, now.minus(retention)).setParameter(2, limit).getSingleResult() instanceof Number n ? n.intValue() : 0;
        return new Purged(previews, "import preview(s)");
    }
}
