package dev.orion.platform.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@link BatchJobs} over the server's JobOperator. It lives here, beside the job XML, because WildFly
 * resolves job names in the deployment module that calls the operator.
 */
@Stateless
public class JBeretBatchJobs implements BatchJobs {

    private JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    @Override
    public long start(String jobName, Properties parameters) {
        return operator().start(jobName, parameters);
    }

    @Override
    public Optional<JobExecutionView> execution(long executionId) {
        try {
            JobExecution execution = operator().getJobExecution(executionId);
            List<StepExecution> steps = operator().getStepExecutions(executionId);
            return Optional.of(new JobExecutionView(executionId, execution.getJobName(),
                    execution.getBatchStatus().name(), execution.getExitStatus(),
                    instant(execution.getCreateTime()), instant(execution.getStartTime()), instant(execution.getEndTime()),
                    asMap(execution.getJobParameters()),
                    total(steps, Metric.MetricType.READ_COUNT), total(steps, Metric.MetricType.WRITE_COUNT),
                    total(steps, Metric.MetricType.PROCESS_SKIP_COUNT) + total(steps, Metric.MetricType.READ_SKIP_COUNT)
                            + total(steps, Metric.MetricType.WRITE_SKIP_COUNT)));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    private static long total(List<StepExecution> steps, Metric.MetricType type) {
        long sum = 0;
        for (StepExecution step : steps) {
            for (Metric metric : step.getMetrics()) {
                if (metric.getType() == type) {
                    sum += metric.getValue();
                }
            }
        }
        return sum;
    }

    private static Map<String, String> asMap(Properties properties) {
        var map = new TreeMap<String, String>();
        if (properties != null) {
            properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        }
        return map;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
