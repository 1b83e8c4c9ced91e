package dev.orion.operations.scheduling;

import dev.orion.platform.retention.ExpiredDataPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Finished schedule runs are kept for {@code ORION_RETENTION_SCHEDULE_RUNS}; a run still going is never deleted. */
@ApplicationScoped
public class ScheduleRunsPurge implements ExpiredDataPurge {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "orion.retention.schedule-runs", defaultValue = "P14D")
    Duration scheduleRunRetention;

    @Override
    public Purged purgeExpired(OffsetDateTime now, int limit) {
        int runs = em.createNativeQuery("DELETE FROM schedule_runs WHERE id IN"
                        + " (SELECT id FROM schedule_runs WHERE started_at < ?1 AND outcome <> 'RUNNING' LIMIT ?2)")
                .setParameter(1, now.minus(scheduleRunRetention)).setParameter(2, limit).executeUpdate();
        return new Purged(runs, "schedule run(s)");
    }
}
