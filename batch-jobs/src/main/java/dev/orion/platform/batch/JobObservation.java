package dev.orion.platform.batch;

import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.observability.ErrorTracking;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Listens to every job (declared in each job XML): the execution's identity in the MDC of its thread while
 * it runs, and when it ends, its metrics (executions by job and status, duration, rows and rows per second)
 * and, for a failed execution, an error report.
 */
@Named
@Dependent
public class JobObservation extends AbstractJobListener {

    private static final Logger LOG = Logger.getLogger(JobObservation.class.getName());

    @Inject
    JobContext job;

    @Inject
    MeterRegistry meters;

    @Inject
    RunningJobs running;

    private JobCorrelation correlation;
    private long started;

    @Override
    public void beforeJob() {
        correlation = JobCorrelation.enter(job, BatchRuntime.getJobOperator().getParameters(job.getExecutionId()));
        started = System.nanoTime();
        running.started(job.getJobName(), job.getExecutionId());
    }

    @Override
    public void afterJob() {
        try {
            running.ended(job.getJobName(), job.getExecutionId());
            record(JobExecutionView.QUEUED.equals(job.getExitStatus()) ? JobExecutionView.QUEUED : outcome(job.getBatchStatus()), Duration.ofNanos(System.nanoTime() - started));
        } finally {
            if (correlation != null) {
                correlation.close();
            }
        }
    }

    /** Listeners run before the execution gets its final status: still STARTED means nothing failed or stopped. */
    static String outcome(BatchStatus status) {
        return status == BatchStatus.STARTED || status == null ? BatchStatus.COMPLETED.name() : status.name();
    }

    private void record(String status, Duration took) {
        String name = job.getJobName();
        meters.counter("orion.job.executions", "job", name, "status", status).increment();
        meters.timer("orion.job.duration", "job", name, "status", status).record(took);
        long rows = rowsRead();
        LOG.info(() -> "Job " + name + " execution " + job.getExecutionId() + " " + status + " in "
                + String.format(java.util.Locale.ROOT, "%.1f s", took.toMillis() / 1000.0) + ", " + rows + " rows read");
        if (rows > 0) {
            meters.counter("orion.job.rows", "job", name).increment(rows);
            meters.summary("orion.job.rows.per.second", "job", name).record(rows / Math.max(took.toNanos() / 1e9, 0.001));
        }
        if (BatchStatus.FAILED.name().equals(status)) {
            ErrorTracking.reportFailure("Job " + name + " execution " + job.getExecutionId() + " FAILED: " + job.getExitStatus(),
                    "job", Map.of("job", name, "job_execution_id", Long.toString(job.getExecutionId())));
        }
    }

    private long rowsRead() {
        long rows = 0;
        for (StepExecution step : BatchRuntime.getJobOperator().getStepExecutions(job.getExecutionId())) {
            for (Metric metric : step.getMetrics()) {
                if (metric.getType() == Metric.MetricType.READ_COUNT) {
                    rows += metric.getValue();
                }
            }
        }
        return rows;
    }
}
