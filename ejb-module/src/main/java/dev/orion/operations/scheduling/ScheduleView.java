package dev.orion.operations.scheduling;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Map;

/** A schedule as operators see it. */
public record ScheduleView(long id, String name, String task, String second, String minute, String hour,
                           String dayOfMonth, String month, String dayOfWeek, String year, String timeZone,
                           boolean enabled, Map<String, String> parameters, String misfirePolicy,
                           OffsetDateTime nextRunAt, OffsetDateTime lastRunAt, String lastOutcome) implements Serializable {

    static ScheduleView of(Schedule s) {
        return new ScheduleView(s.getId(), s.getName(), s.getTask(), s.getSecond(), s.getMinute(), s.getHour(),
                s.getDayOfMonth(), s.getMonth(), s.getDayOfWeek(), s.getYear(), s.getTimeZone(), s.isEnabled(),
                ScheduleParameters.parse(s.getParameters()), s.getMisfirePolicy().name(),
                s.isEnabled() ? s.getNextRunAt() : null, s.getLastRunAt(), s.getLastOutcome());
    }
}
