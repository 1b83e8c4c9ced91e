package dev.orion.operations.console;

import dev.orion.platform.jobs.BatchJobs;
import dev.orion.platform.jobs.ExecutionQuery;
import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.console.DatabasePage;
import dev.orion.platform.console.OperatorAudit;
import dev.orion.platform.console.PageMessages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.primefaces.model.LazyDataModel;

/**
 * The batch monitor: job executions filtered by job, status and creation date (days in UTC), running ones
 * first, refreshed every few seconds while auto-refresh is on, and "restart all failed".
 */
@Named
@ViewScoped
public class BatchView implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final List<String> STATUSES =
            List.of("STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED", "COMPLETED", "ABANDONED");

    @EJB
    BatchJobs jobs;

    @Inject
    OperatorAudit audit;

    private final PageMessages messages = new PageMessages("dev.orion.console.batch");
    private final LazyDataModel<JobExecutionView> executions = new DatabasePage<>(() -> jobs.count(query(1)), (first, size) -> jobs.executionsRunningFirst(query(size), first), execution -> execution.executionId());
    private List<String> jobNames;
    private String jobName;
    private String status;
    private LocalDate from;
    private LocalDate to;
    private boolean autoRefresh = true;

    @PostConstruct
    void init() {
        jobNames = jobs.jobNames();
    }

    public void restartAllFailed() {
        List<Long> restarted = jobs.restartAllFailed();
        audit.record("batch.restart-all-failed", "job_execution", null, "as executions " + restarted);
        messages.info("restartedAll", restarted.size());
    }

    private ExecutionQuery query(int limit) {
        Instant fromTime = from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant toTime = to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(); // the whole last day
        return new ExecutionQuery(blankToNull(jobName), blankToNull(status), fromTime, toTime, null, limit);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public LazyDataModel<JobExecutionView> getExecutions() { return executions; }
    public List<String> getJobNames() { return jobNames; }
    public List<String> getStatuses() { return STATUSES; }
    public String getJobName() { return jobName; }
    public void setJobName(String jobName) { this.jobName = jobName; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public boolean isAutoRefresh() { return autoRefresh; }
    public void setAutoRefresh(boolean autoRefresh) { this.autoRefresh = autoRefresh; }
}
