package dev.orion.operations.rest;

import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.jobs.JobProgress;
import java.time.Instant;
import java.util.Map;

/** A job execution on the wire, with its progress (percent, rows per second, ETA) while it runs, and its place in
 * the line while it is QUEUED. */
public record JobExecutionJson(long id, String jobName, String status, String exitStatus, Instant createdAt,
                               Instant startedAt, Instant endedAt, Map<String, String> parameters, long rowsRead,
                               long rowsWritten, long rowsSkipped, JobProgress progress, Integer queuePosition) {

    public static JobExecutionJson of(JobExecutionView e) {
        return new JobExecutionJson(e.executionId(), e.jobName(), e.batchStatus(), e.exitStatus(), e.createTime(),
                e.startTime(), e.endTime(), e.parameters(), e.readCount(), e.writeCount(), e.skipCount(),
                JobProgress.of(e, Instant.now()), e.queuePosition());
    }
}
