package dev.orion.platform.scheduling;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * Lets a capability keep schedules of its own (one per vendor, say) as ordinary schedules: same timers, cluster
 * claim, pause, misfire policy and run history as every other, visible on the schedules page. Implemented by
 * operations' scheduling; the capability knows only this interface.
 */
public interface ScheduleRegistry {

    /** An EJB calendar expression in a time zone, field by field ({@code *} means any). */
    record Calendar(String second, String minute, String hour, String dayOfMonth, String month, String dayOfWeek,
                    String year, String timeZone) {
    }

    /** A schedule as it stands: its calendar, whether it fires, and when it fired and fires next. */
    record Status(long id, Calendar calendar, boolean enabled, OffsetDateTime nextRunAt, OffsetDateTime lastRunAt,
                  String lastOutcome) {
    }

    /**
     * Creates the schedule {@code name} running {@code task} with {@code parameters}, or changes it to these
     * settings (its timer follows in this transaction); a missed firing is skipped, not caught up. An invalid
     * calendar is an {@link dev.orion.platform.InvalidRequestException} naming the field at fault.
     *
     * @return the schedule's id
     */
    long save(String name, String task, Map<String, String> parameters, Calendar calendar, boolean enabled);

    Optional<Status> find(String name);

    /** Runs the schedule's task now, in the background; a run still going is refused (409). */
    void runNow(String name);
}
