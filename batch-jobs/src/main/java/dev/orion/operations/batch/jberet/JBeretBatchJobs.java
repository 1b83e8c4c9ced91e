package dev.orion.operations.batch.jberet;

import dev.orion.operations.cluster.ClusterNodes;
import dev.orion.platform.cluster.NodeLease;
import dev.orion.platform.jobs.BatchJobs;
import dev.orion.platform.jobs.ExecutionQuery;
import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.jobs.JobOperationRefusedException;
import dev.orion.platform.jobs.JobProgress;
import dev.orion.platform.jobs.StepExecutionView;
import dev.orion.platform.batch.JobCorrelation;
import dev.orion.platform.batch.JobSlots;
import dev.orion.platform.imports.ImportExecutions;
import dev.orion.platform.observability.Correlation;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionIsRunningException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * {@link BatchJobs} over the server's JobOperator. It lives here, beside the job XML, because WildFly
 * resolves job names in the deployment module that calls the operator.
 */
@Stateless
public class JBeretBatchJobs implements BatchJobs {

    private static final Logger LOG = Logger.getLogger(JBeretBatchJobs.class.getName());

    /** The job parameter with the epoch of the server that runs the execution (docs/cluster.md, "Fencing"). */
    static final String EPOCH_PARAMETER = "orion.epoch";

    @Resource(lookup = "java:jboss/datasources/OrionDS")
    DataSource dataSource;

    @Inject
    NodeLease lease;

    @EJB
    ClusterNodes nodes;

    @EJB
    JobSlots slots;

    private JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    @Override
    public long start(String jobName, Properties parameters) {
        return operator().start(jobName, onThisNode(parameters, lease.epoch()));
    }

    /**
     * Stamps the server that runs the execution, so only that server declares it interrupted after a crash, and
     * the epoch it holds, under which alone the execution's chunks may commit (WriteFence), and the correlation id
     * of the request (or firing) that starts it, which the job's log lines carry.
     */
    static Properties onThisNode(Properties parameters, long epoch) {
        var stamped = new Properties();
        stamped.putAll(parameters);
        stamped.setProperty(InterruptedExecutions.NODE_PARAMETER, InterruptedExecutions.node());
        if (epoch > 0) {
            stamped.setProperty(EPOCH_PARAMETER, Long.toString(epoch));
        } else {
            stamped.remove(EPOCH_PARAMETER);
        }
        String correlation = Correlation.peek();
        if (correlation != null) {
            stamped.setProperty(JobCorrelation.PARAMETER, correlation);
        } else {
            stamped.remove(JobCorrelation.PARAMETER);
        }
        return stamped;
    }

    @Override
    public Optional<JobExecutionView> execution(long executionId) {
        try {
            JobExecution execution = operator().getJobExecution(executionId);
            List<StepExecution> steps = operator().getStepExecutions(executionId);
            long instanceId = operator().getJobInstance(executionId).getInstanceId();
            boolean queued = execution.getBatchStatus() == jakarta.batch.runtime.BatchStatus.STOPPED
                    && JobExecutionView.QUEUED.equals(execution.getExitStatus());
            Integer position = queued ? Integer.valueOf(slots.queuePosition(executionId)) : null;
            return Optional.of(new JobExecutionView(executionId, instanceId, execution.getJobName(),
                    execution.getBatchStatus().name(), execution.getExitStatus(),
                    instant(execution.getCreateTime()), instant(execution.getStartTime()), instant(execution.getEndTime()),
                    withTotalRows(asMap(execution.getJobParameters()), steps, executionId),
                    total(steps, Metric.MetricType.READ_COUNT), total(steps, Metric.MetricType.WRITE_COUNT),
                    total(steps, Metric.MetricType.PROCESS_SKIP_COUNT) + total(steps, Metric.MetricType.READ_SKIP_COUNT)
                            + total(steps, Metric.MetricType.WRITE_SKIP_COUNT),
                    total(steps, Metric.MetricType.FILTER_COUNT), position));
        } catch (NoSuchJobExecutionException | NoSuchJobException e) {
            // NoSuchJobException: an execution of a job this deployment no longer has (renamed or removed by an
            // upgrade, or a row written by hand); WildFly's operator refuses to read it, so it is not shown
            return Optional.empty();
        }
    }

    @Override
    public Optional<JobExecutionView> latestExecution(long executionId) {
        try {
            var instance = operator().getJobInstance(executionId);
            long newest = operator().getJobExecutions(instance).stream()
                    .mapToLong(JobExecution::getExecutionId).max().orElse(executionId);
            return execution(newest);
        } catch (NoSuchJobExecutionException | NoSuchJobException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<JobExecutionView> executions(ExecutionQuery query) {
        return JobRepositoryQueries.executionIds(dataSource, query).stream()
                .map(this::execution).flatMap(Optional::stream).toList();
    }

    @Override
    public List<JobExecutionView> executionsRunningFirst(ExecutionQuery query, int offset) {
        return JobRepositoryQueries.executionIdsRunningFirst(dataSource, query, offset).stream()
                .map(this::execution).flatMap(Optional::stream).toList();
    }

    @Override
    public long count(ExecutionQuery query) {
        return JobRepositoryQueries.count(dataSource, query);
    }

    @Override
    public List<String> jobNames() {
        return JobRepositoryQueries.jobNames(dataSource);
    }

    @Override
    public List<Long> restartAllFailed() {
        var restarted = new ArrayList<Long>();
        for (long id : JobRepositoryQueries.restartableExecutionIds(dataSource)) {
            if (mayStillRun(id)) {
                LOG.warning(() -> "Not restarted: execution " + id + " was marked interrupted but its server still holds the"
                        + " lease it ran under, so it may still be running there");
                continue;
            }
            try {
                restarted.add(restart(id));
            } catch (JobOperationRefusedException e) {
                // a job declared restartable="false", or restarted by someone else meanwhile: nothing to do
                LOG.info(() -> "Not restarted: " + e.getMessage());
            }
        }
        return restarted;
    }

    /**
     * An execution marked interrupted (FAILED by a recovery) whose server still holds the epoch it was started under:
     * that server never lost its lease, so its thread may still run it. A survivor's recovery deletes the dead
     * server's lease in the same transaction as it fails the executions, so this only guards against a failure
     * made by hand or by a bug; an execution that failed by itself, or whose server rejoined, is restarted.
     */
    private boolean mayStillRun(long executionId) {
        // from the table, not through the JobOperator, whose cache may hold an older status
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement("SELECT exitstatus, jobparameters FROM public.job_execution WHERE jobexecutionid = ?")) {
            query.setLong(1, executionId);
            try (var rows = query.executeQuery()) {
                if (!rows.next() || rows.getString(1) == null || !rows.getString(1).startsWith("Interrupted:") || rows.getString(2) == null) {
                    return false;
                }
                var parameters = new Properties();
                parameters.load(new java.io.StringReader(rows.getString(2)));
                String node = parameters.getProperty(InterruptedExecutions.NODE_PARAMETER);
                String epoch = parameters.getProperty(EPOCH_PARAMETER);
                return node != null && epoch != null && nodes.isMember(node, Long.parseLong(epoch));
            }
        } catch (java.sql.SQLException | java.io.IOException | NumberFormatException e) {
            LOG.warning("Could not read job execution " + executionId + ": " + e.getMessage());
            return true; // unknown: leave it to a restart by hand
        }
    }

    @Override
    public List<StepExecutionView> steps(long executionId) {
        try {
            return operator().getStepExecutions(executionId).stream().map(JBeretBatchJobs::step).toList();
        } catch (NoSuchJobExecutionException | NoSuchJobException e) {
            return List.of();
        }
    }

    @Override
    public void stop(long executionId) {
        try {
            operator().stop(executionId);
        } catch (JobExecutionNotRunningException e) {
            throw new JobOperationRefusedException("Execution " + executionId + " is not running, so it cannot be stopped");
        }
    }

    @Override
    public long restart(long executionId) {
        try {
            return operator().restart(executionId, onThisNode(operator().getParameters(executionId), lease.epoch()));
        } catch (JobExecutionAlreadyCompleteException e) {
            throw new JobOperationRefusedException("Execution " + executionId + " completed; there is nothing to restart");
        } catch (JobExecutionNotMostRecentException e) {
            throw new JobOperationRefusedException("Execution " + executionId
                    + " is not the newest of its job instance; restart the newest one");
        } catch (JobRestartException e) {
            throw new JobOperationRefusedException("Execution " + executionId + " cannot be restarted: " + e.getMessage());
        } catch (NoSuchJobException e) {
            throw new JobOperationRefusedException("Execution " + executionId + " belongs to a job this deployment no longer has");
        }
    }

    @Override
    public void abandon(long executionId) {
        try {
            operator().abandon(executionId);
        } catch (JobExecutionIsRunningException e) {
            throw new JobOperationRefusedException("Execution " + executionId + " is running; stop it before abandoning it");
        }
    }

    private static StepExecutionView step(StepExecution step) {
        var metrics = new TreeMap<String, Long>();
        for (Metric metric : step.getMetrics()) {
            metrics.put(metric.getType().name().toLowerCase(Locale.ROOT), metric.getValue());
        }
        return new StepExecutionView(step.getStepExecutionId(), step.getStepName(), step.getBatchStatus().name(),
                step.getExitStatus(), instant(step.getStartTime()), instant(step.getEndTime()), metrics);
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

    /**
     * A feed the job fetched itself (its {@value ImportExecutions#FETCH_STEP} step) was counted there, not at the
     * start: that step's persistent user data is then the rows to expect, shown as if it were a parameter. A
     * restart does not fetch again, so its count is found in the earlier execution that fetched.
     */
    private Map<String, String> withTotalRows(Map<String, String> parameters, List<StepExecution> steps, long executionId) {
        if (parameters.containsKey(JobProgress.TOTAL_ROWS) || !parameters.containsKey(ImportExecutions.FEED_URL)) {
            return parameters;
        }
        Optional<Long> rows = fetchedRows(steps);
        if (rows.isEmpty()) {
            for (JobExecution earlier : operator().getJobExecutions(operator().getJobInstance(executionId))) {
                rows = earlier.getExecutionId() == executionId ? rows : fetchedRows(operator().getStepExecutions(earlier.getExecutionId()));
                if (rows.isPresent()) {
                    break;
                }
            }
        }
        rows.ifPresent(total -> parameters.put(JobProgress.TOTAL_ROWS, total.toString()));
        return parameters;
    }

    private static Optional<Long> fetchedRows(List<StepExecution> steps) {
        return steps.stream().filter(step -> ImportExecutions.FETCH_STEP.equals(step.getStepName()))
                .map(StepExecution::getPersistentUserData).filter(Long.class::isInstance).map(Long.class::cast).findFirst();
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
