package dev.orion.platform.jobs;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/** A job execution as users see it: its status, when it ran, its parameters and its step counters added up
 * (filtered: items a processor passed over, such as orders already imported). While the execution is QUEUED,
 * {@code queuePosition} is its place in the line it waits in (1: it starts next; its vendor's line of that kind
 * when it works for one vendor), otherwise null. */
public record JobExecutionView(long executionId, long instanceId, String jobName, String batchStatus, String exitStatus,
                               Instant createTime, Instant startTime, Instant endTime,
                               Map<String, String> parameters, long readCount, long writeCount, long skipCount,
                               long filterCount, Integer queuePosition) implements Serializable {

    /** An execution that is not waiting in a line (or whose place in it was not asked for). */
    public JobExecutionView(long executionId, long instanceId, String jobName, String batchStatus, String exitStatus,
                            Instant createTime, Instant startTime, Instant endTime, Map<String, String> parameters,
                            long readCount, long writeCount, long skipCount, long filterCount) {
        this(executionId, instanceId, jobName, batchStatus, exitStatus, createTime, startTime, endTime, parameters,
                readCount, writeCount, skipCount, filterCount, null);
    }

    /**
     * The exit status of an execution that waits for capacity: its kind of work had no free slot, so it stopped
     * before doing anything and is restarted when one frees (docs/operations.md, "Job capacity").
     */
    public static final String QUEUED = "QUEUED";

    /**
     * The job parameter naming the vendor a job works for (imports, a vendor's report); fair share counts by it.
     */
    public static final String VENDOR_PARAMETER = "vendorId";

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
