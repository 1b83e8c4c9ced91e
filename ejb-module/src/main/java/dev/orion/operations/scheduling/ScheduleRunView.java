package dev.orion.operations.scheduling;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** One entry of a schedule's run history. */
public record ScheduleRunView(long id, String trigger, String node, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                              String outcome, String detail) implements Serializable {

    static ScheduleRunView of(ScheduleRun r) {
        return new ScheduleRunView(r.getId(), r.getTrigger().name(), r.getNode(), r.getStartedAt(), r.getFinishedAt(),
                r.getOutcome(), r.getDetail());
    }
}
