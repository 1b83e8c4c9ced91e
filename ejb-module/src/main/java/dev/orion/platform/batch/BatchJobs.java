package dev.orion.platform.batch;

import jakarta.ejb.Local;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts Jakarta Batch jobs and reports on their executions. Implemented in the batch-jobs module, where the
 * job XML lives, so every caller (API, console, timers) goes through the same door.
 */
@Local
public interface BatchJobs {

    long start(String jobName, Properties parameters);

    Optional<JobExecutionView> execution(long executionId);
}
