package dev.orion.operations.scheduling;

import dev.orion.platform.InvalidRequestException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The schedules service used by the API and the console: read, change (the new timer takes effect at once,
 * no redeploy), pause, resume, run now, run history and a preview of the next firings.
 */
@Stateless
public class Schedules {

    public static final int PREVIEW = 5;

    @PersistenceContext
    EntityManager em;

    @EJB
    ScheduleTimers timers;

    @EJB
    ScheduleRuns runs;

    @Inject
    @ConfigProperty(name = "jboss.node.name", defaultValue = "orion")
    String node;

    public List<ScheduleView> list() {
        return em.createQuery("SELECT s FROM Schedule s ORDER BY s.name", Schedule.class).getResultStream().map(ScheduleView::of).toList();
    }

    public Optional<ScheduleView> find(long id) {
        return Optional.ofNullable(em.find(Schedule.class, id)).map(ScheduleView::of);
    }

    /** Replaces the schedule's settings; an invalid expression, time zone or parameters is an {@link InvalidRequestException}. */
    public Optional<ScheduleView> change(long id, ScheduleChange change) {
        validated(change, 1);
        return locked(id).map(schedule -> {
            schedule.change(change);
            timers.install(schedule);
            return ScheduleView.of(schedule);
        });
    }

    public Optional<ScheduleView> pause(long id) {
        return enable(id, false);
    }

    public Optional<ScheduleView> resume(long id) {
        return enable(id, true);
    }

    private Optional<ScheduleView> enable(long id, boolean enabled) {
        return locked(id).map(schedule -> {
            if (schedule.isEnabled() != enabled) {
                schedule.enable(enabled);
                timers.install(schedule);
            }
            return ScheduleView.of(schedule);
        });
    }

    /** Starts a run now, in the background; a run still going is a {@link ScheduleBusyException}. */
    public Optional<ScheduleRunView> runNow(long id) {
        var claim = runs.claimManual(id, node);
        return claim.runId().map(runId -> {
            timers.executeLater(runId, claim.task(), claim.parameters());
            return ScheduleRunView.of(em.find(ScheduleRun.class, runId));
        });
    }

    /** The schedule's runs, newest first. */
    public List<ScheduleRunView> history(long id, int limit) {
        return em.createQuery("SELECT r FROM ScheduleRun r WHERE r.scheduleId = :id ORDER BY r.id DESC", ScheduleRun.class)
                .setParameter("id", id).setMaxResults(Math.max(1, Math.min(limit, 200)))
                .getResultStream().map(ScheduleRunView::of).toList();
    }

    /** When the expression would fire next, without saving it: the console shows this while editing. */
    public List<OffsetDateTime> preview(ScheduleChange change) {
        return validated(change, PREVIEW);
    }

    private Optional<Schedule> locked(long id) {
        return Optional.ofNullable(em.find(Schedule.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * Checks the settings and returns their next {@code count} firings; settings that never fire are refused
     * too. Each refusal is an {@link InvalidScheduleException} naming the setting at fault.
     */
    private List<OffsetDateTime> validated(ScheduleChange change, int count) {
        String[][] fields = {{"second", change.second()}, {"minute", change.minute()}, {"hour", change.hour()},
                {"dayOfMonth", change.dayOfMonth()}, {"month", change.month()}, {"dayOfWeek", change.dayOfWeek()},
                {"year", change.year()}};
        for (String[] field : fields) {
            if (field[1] == null || field[1].isBlank()) {
                throw new InvalidScheduleException(field[0], "Every calendar field (second, minute, hour, day_of_month, month, day_of_week, year) needs a value; * means any");
            }
        }
        try {
            ZoneId.of(change.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidScheduleException("timeZone", "time_zone is not a time zone: " + change.timeZone() + " (use an IANA name like Europe/Paris)");
        }
        if (change.misfirePolicy() == null) {
            throw new InvalidScheduleException("misfirePolicy", "misfire_policy must be RUN_ONCE or SKIP");
        }
        try {
            ScheduleParameters.parse(change.parameters());
        } catch (IllegalArgumentException e) {
            throw new InvalidScheduleException("parameters", e.getMessage());
        }
        timers.refusedField(change).ifPresent(refused -> {
            throw new InvalidScheduleException(refused.getKey(), "Invalid calendar expression: " + refused.getValue());
        });
        List<OffsetDateTime> next;
        try {
            next = timers.preview(change, count);
        } catch (InvalidRequestException e) {
            throw new InvalidScheduleException(null, e.getMessage());
        }
        if (next.isEmpty()) {
            throw new InvalidScheduleException(null, "The expression never fires");
        }
        return next;
    }
}
