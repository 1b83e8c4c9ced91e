package dev.orion.operations.scheduling;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Which schedule is furthest behind: an enabled schedule whose next firing is overdue (its timer did not fire:
 * no server up, a stuck timer service) or a run still going (an overrun), with the seconds of either.
 */
@Stateless
public class ScheduleDelays {

    public record Delay(String schedule, long seconds, boolean running) {
    }

    @PersistenceContext
    EntityManager em;

    public Optional<Delay> worst() {
        Optional<Delay> overdue = first(em.createNativeQuery("SELECT name, CAST(EXTRACT(EPOCH FROM now() - next_run_at) AS BIGINT)"
                + " FROM orion.schedules WHERE enabled AND next_run_at < now() ORDER BY next_run_at LIMIT 1").getResultList(), false);
        Optional<Delay> overrun = first(em.createNativeQuery("SELECT s.name, CAST(EXTRACT(EPOCH FROM now() - r.started_at) AS BIGINT)"
                + " FROM orion.schedule_runs r JOIN orion.schedules s ON s.id = r.schedule_id WHERE r.outcome = 'RUNNING'"
                + " ORDER BY r.started_at LIMIT 1").getResultList(), true);
        if (overdue.isEmpty()) {
            return overrun;
        }
        if (overrun.isEmpty()) {
            return overdue;
        }
        return overdue.get().seconds() >= overrun.get().seconds() ? overdue : overrun;
    }

    private static Optional<Delay> first(List<?> rows, boolean running) {
        return rows.stream().findFirst().map(row -> (Object[]) row)
                .map(row -> new Delay((String) row[0], ((Number) row[1]).longValue(), running));
    }
}
