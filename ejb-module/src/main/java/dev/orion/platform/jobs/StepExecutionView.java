package dev.orion.platform.jobs;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/** One step of a job execution with its metrics (read_count, write_count, commit_count, ...). */
public record StepExecutionView(long stepExecutionId, String stepName, String batchStatus, String exitStatus,
                                Instant startTime, Instant endTime, Map<String, Long> metrics) implements Serializable {
}
