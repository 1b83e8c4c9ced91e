package dev.orion.platform.batch;

import dev.orion.platform.observability.Correlation;
import jakarta.batch.runtime.context.JobContext;
import java.util.Properties;
import org.jboss.logging.MDC;

/**
 * Puts a job execution's identity in the logging MDC of the thread that runs it (the job's own thread, or a
 * partition's): the correlation id of the request that started it (else {@code job-<execution id>}), the job
 * name and the execution id. Close it when the thread is done, as batch threads are pooled.
 */
public final class JobCorrelation implements AutoCloseable {

    /** Job parameter with the starting request's correlation id (set by JBeretBatchJobs). */
    public static final String PARAMETER = "orion.correlationId";
    static final String JOB_NAME = "job_name";
    static final String EXECUTION_ID = "job_execution_id";

    private JobCorrelation() {
    }

    public static JobCorrelation enter(JobContext job, Properties parameters) {
        String started = parameters == null ? null : parameters.getProperty(PARAMETER);
        Correlation.set(started != null ? Correlation.acceptOrCreate(started) : "job-" + job.getExecutionId());
        MDC.put(JOB_NAME, job.getJobName());
        MDC.put(EXECUTION_ID, Long.toString(job.getExecutionId()));
        return new JobCorrelation();
    }

    @Override
    public void close() {
        Correlation.clear();
        MDC.remove(JOB_NAME);
        MDC.remove(EXECUTION_ID);
    }
}
