package dev.orion.platform.jobs;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/** A job execution as users see it: its status, when it ran, its parameters and its step counters added up
 * (filtered: items a processor passed over, such as orders already imported). */
public record JobExecutionView(long executionId, long instanceId, String jobName, String batchStatus, String exitStatus,
                               Instant createTime, Instant startTime, Instant endTime,
                               Map<String, String> parameters, long readCount, long writeCount, long skipCount,
                               long filterCount) implements Serializable {

    /**
     * The exit status of an execution that waits for capacity: its kind of work had no free slot, so it stopped
     * before doing anything and is restarted when one frees (docs/operations.md, "Job capacity").
     */
    public static final String QUEUED = "QUEUED";

    public boolean queued() {
        return "STOPPED".equals(batchStatus) && QUEUED.equals(exitStatus);
    }

    /** The status users are shown: QUEUED while the execution waits for capacity, the batch status otherwise. */
    public String status() {
        return queued() ? QUEUED : batchStatus;
    }

    public boolean finished() {
        return switch (batchStatus) {
            case "COMPLETED", "FAILED", "STOPPED", "ABANDONED" -> true;
            default -> false;
        };
    }
}
