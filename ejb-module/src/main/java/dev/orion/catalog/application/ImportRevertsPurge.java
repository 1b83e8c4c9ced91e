package dev.orion.catalog.application;

import dev.orion.platform.retention.ExpiredDataPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What imports recorded for a revert is kept as long as their issues ({@code ORION_RETENTION_IMPORT_ISSUES});
 * after that an import can no longer be reverted (409).
 */
@ApplicationScoped
public class ImportRevertsPurge implements ExpiredDataPurge {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "orion.retention.import-issues", defaultValue = "P30D")
    Duration retention;

    @Override
    public Purged purgeExpired(OffsetDateTime now, int limit) {
        int imports = em.createNativeQuery("WITH gone AS (DELETE FROM import_revert_data WHERE job_instance_id IN"
                        + " (SELECT job_instance_id FROM import_revert_data WHERE recorded_at < ?1 LIMIT ?2) RETURNING job_instance_id),"
                        + " rows AS (DELETE FROM import_revert_rows r USING gone g WHERE r.job_instance_id = g.job_instance_id),"
                        + " created AS (DELETE FROM import_revert_created c USING gone g WHERE c.job_instance_id = g.job_instance_id)"
                        + " SELECT count(*) FROM gone")
                .setParameter(1, now.minus(retention)).setParameter(2, limit).getSingleResult() instanceof Number n ? n.intValue() : 0;
        return new Purged(imports, "import revert record(s)");
    }
}
