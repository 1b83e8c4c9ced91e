package dev.orion.operations.rest;

import dev.orion.platform.jobs.StepExecutionView;
import java.time.Instant;
import java.util.Map;

/** One step of a job execution on the wire, metrics keyed like {@code read_count}. */
public record StepExecutionJson(long id, String name, String status, String exitStatus, Instant startedAt,
                                Instant endedAt, Map<String, Long> metrics) {

    public static StepExecutionJson of(StepExecutionView s) {
        return new StepExecutionJson(s.stepExecutionId(), s.stepName(), s.batchStatus(), s.exitStatus(),
                s.startTime(), s.endTime(), s.metrics());
    }
}
