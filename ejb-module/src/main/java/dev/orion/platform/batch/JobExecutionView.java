package dev.orion.platform.batch;

import java.time.Instant;
import java.util.Map;

/** A job execution as users see it: its status, when it ran, its parameters and its step counters added up. */
public record JobExecutionView(long executionId, long instanceId, String jobName, String batchStatus, String exitStatus,
                               Instant createTime, Instant startTime, Instant endTime,
                               Map<String, String> parameters, long readCount, long writeCount, long skipCount) {

    public boolean finished() {
        return switch (batchStatus) {
            case "COMPLETED", "FAILED", "STOPPED", "ABANDONED" -> true;
            default -> false;
        };
    }
}
