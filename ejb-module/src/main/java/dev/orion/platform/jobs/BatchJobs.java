package dev.orion.platform.jobs;

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

    /**
     * One page of the executions matching the query's filters for the batch monitor: running ones (STARTING,
     * STARTED, STOPPING) first, then newest first. The query's cursor is ignored; {@code limit} is the page size.
     */
    List<JobExecutionView> executionsRunningFirst(ExecutionQuery query, int offset);

    /** How many executions match the query's filters (cursor and limit ignored). */
    long count(ExecutionQuery query);

    /** The names of the jobs that have run at least once, for filters. */
    List<String> jobNames();

    /**
     * Restarts, for every job instance whose newest execution is FAILED or STOPPED, that newest execution
     * (older ones of the same instance cannot be restarted). Jobs that refuse a restart are left alone.
     *
     * @return the ids of the new executions
     */
    List<Long> restartAllFailed();

    /** The execution's steps with their metrics; empty when there is no such execution. */
    List<StepExecutionView> steps(long executionId);

    /** Asks a running execution to stop after its current chunk. */
    void stop(long executionId);

    /** Restarts a failed or stopped execution from its last checkpoint; returns the new execution's id. */
    long restart(long executionId);

    /** Marks a finished execution so it can never be restarted. */
    void abandon(long executionId);
}
