package dev.orion.platform.batch;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts Jakarta Batch jobs, reports on their executions and stops, restarts or abandons them. Implemented in
 * the batch-jobs module, where the job XML lives, so every caller (API, console, timers) goes through the same door.
 */
@Local
public interface BatchJobs {

    long start(String jobName, Properties parameters);

    Optional<JobExecutionView> execution(long executionId);

    /** The newest execution of the same job instance: after a restart, that is where the work goes on. */
    Optional<JobExecutionView> latestExecution(long executionId);

    /** Executions matching the query, newest first. */
    List<JobExecutionView> executions(ExecutionQuery query);

    /** The execution's steps with their metrics; empty when there is no such execution. */
    List<StepExecutionView> steps(long executionId);

    /** Asks a running execution to stop after its current chunk. */
    void stop(long executionId);

    /** Restarts a failed or stopped execution from its last checkpoint; returns the new execution's id. */
    long restart(long executionId);

    /** Marks a finished execution so it can never be restarted. */
    void abandon(long executionId);
}
