package dev.orion.operations.scheduling;

import dev.orion.platform.cluster.NodeLease;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;

/**
 * Decides, under the schedule's row lock, whether a firing runs: not if its timer is stale, not while the
 * previous run is still going (on any node), and, for a firing missed while no server was up, only if the
 * schedule's misfire policy says so. Each decision and each end of a run commits on its own, so the history
 * survives whatever the task does.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ScheduleRuns {

    @PersistenceContext
    EntityManager em;

    /** How late a firing may be before it counts as missed (the server was down at its time). */
    @Inject
    @ConfigProperty(name = "orion.schedule.misfire-grace", defaultValue = "PT1M")
    Duration misfireGrace;

    @Inject
    NodeLease lease;

    /** What a firing found: the run to perform (empty: skipped or stale; the task is named unless stale), or that its timer is not current. */
    public record Claim(Optional<Long> runId, boolean staleTimer, String task, String parameters) {
    }

    public Claim claimFiring(long scheduleId, long revision, OffsetDateTime next, String node) {
        Schedule schedule = em.find(Schedule.class, scheduleId, LockModeType.PESSIMISTIC_WRITE);
        if (schedule == null || schedule.getRevision() != revision || !schedule.isEnabled()) {
            return new Claim(Optional.empty(), true, null, null);
        }
        if (!lease.mayWork()) {
            // paused between the firing's own lease check and this claim, long enough to be taken for dead: the survivor
            // has released the firing (ScheduleTimers.releaseFiringsOf) and fires the schedule now; this one runs nothing
            return new Claim(Optional.empty(), false, schedule.getTask(), null);
        }
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime due = schedule.getNextRunAt();
        schedule.ranAt(now, next);
        if (due != null && due.plus(misfireGrace).isBefore(now) && schedule.getMisfirePolicy() == Schedule.MisfirePolicy.SKIP) {
            skip(schedule, ScheduleRun.Trigger.TIMER, node, "Missed its time (" + due + ") while no server was up; the misfire policy is SKIP");
            return new Claim(Optional.empty(), false, schedule.getTask(), null);
        }
        return claim(schedule, ScheduleRun.Trigger.TIMER, node);
    }

    public Claim claimManual(long scheduleId, String node) {
        Schedule schedule = em.find(Schedule.class, scheduleId, LockModeType.PESSIMISTIC_WRITE);
        if (schedule == null) {
            return new Claim(Optional.empty(), true, null, null);
        }
        Claim claim = claim(schedule, ScheduleRun.Trigger.MANUAL, node);
        if (claim.runId().isEmpty()) {
            throw new ScheduleBusyException(schedule.getName());
        }
        return claim;
    }

    private Claim claim(Schedule schedule, ScheduleRun.Trigger trigger, String node) {
        Long running = em.createQuery("SELECT r.id FROM ScheduleRun r WHERE r.scheduleId = :id AND r.outcome = 'RUNNING'", Long.class)
                .setParameter("id", schedule.getId()).setMaxResults(1).getResultStream().findFirst().orElse(null);
        if (running != null) {
            if (trigger == ScheduleRun.Trigger.TIMER) {
                skip(schedule, trigger, node, "The previous run (" + running + ") was still going");
            }
            return new Claim(Optional.empty(), false, schedule.getTask(), null);
        }
        var run = new ScheduleRun(schedule.getId(), trigger, node);
        em.persist(run);
        em.flush();
        return new Claim(Optional.of(run.getId()), false, schedule.getTask(), schedule.getParameters());
    }

    private void skip(Schedule schedule, ScheduleRun.Trigger trigger, String node, String why) {
        em.persist(ScheduleRun.skipped(schedule.getId(), trigger, node, why));
        schedule.finished("SKIPPED");
    }

    public void finish(long runId, String outcome, String detail) {
        ScheduleRun run = em.find(ScheduleRun.class, runId);
        run.finish(outcome, detail);
        Schedule schedule = em.find(Schedule.class, run.getScheduleId());
        if (schedule != null) {
            schedule.finished(outcome);
        }
    }

    /** Runs this node left RUNNING when it stopped (a crash) can never finish: they are marked FAILED. */
    public int failInterrupted(String node) {
        return failRunningOf(node, "Interrupted: the server stopped during the run");
    }

    /**
     * Runs a server left RUNNING when it was taken for dead can never finish, and would block every later firing of
     * their schedule ("previous run still going") if that server never comes back under its name (a replaced pod).
     */
    public int failRunsOfDeadNode(String node) {
        return failRunningOf(node, "Interrupted: server " + node + " was taken for dead during the run");
    }

    private int failRunningOf(String node, String detail) {
        return em.createQuery("UPDATE ScheduleRun r SET r.outcome = 'FAILED', r.detail = :detail,"
                        + " r.finishedAt = :now WHERE r.outcome = 'RUNNING' AND r.node = :node")
                .setParameter("node", node).setParameter("detail", detail).setParameter("now", OffsetDateTime.now()).executeUpdate();
    }
}
