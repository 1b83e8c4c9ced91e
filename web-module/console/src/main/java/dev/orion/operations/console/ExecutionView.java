package dev.orion.operations.console;

import dev.orion.platform.jobs.BatchJobs;
import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.jobs.JobOperationRefusedException;
import dev.orion.platform.jobs.JobProgress;
import dev.orion.platform.jobs.StepExecutionView;
import dev.orion.platform.console.OperatorAudit;
import dev.orion.platform.console.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One job execution: its steps with their metrics (and a chart of them), and stop, restart and abandon. */
@Named
@ViewScoped
public class ExecutionView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    BatchJobs jobs;

    @Inject
    OperatorAudit audit;

    private final PageMessages messages = new PageMessages("dev.orion.console.batch");
    private Long id;
    private JobExecutionView execution;
    private List<StepExecutionView> steps = List.of();
    private Long restartedAs;

    /** Loads the execution named by the {@code id} parameter (the page says so when there is none). */
    public void load() {
        Optional<JobExecutionView> found = id == null ? Optional.empty() : jobs.execution(id);
        execution = found.orElse(null);
        steps = found.isPresent() ? jobs.steps(id) : List.of();
    }

    public void stop() {
        act(() -> {
            jobs.stop(id);
            audit.record("batch.stop", "job_execution", id, null);
            messages.info("stopping");
        });
    }

    public void abandon() {
        act(() -> {
            jobs.abandon(id);
            audit.record("batch.abandon", "job_execution", id, null);
            messages.info("abandoned");
        });
    }

    public void restart() {
        act(() -> {
            restartedAs = jobs.restart(id);
            audit.record("batch.restart", "job_execution", id, "as execution " + restartedAs);
            messages.info("restarted", Long.toString(restartedAs));
        });
    }

    /** Runs the operation; a state that does not allow it becomes a message, and the page shows the new state. */
    private void act(Runnable operation) {
        try {
            operation.run();
        } catch (JobOperationRefusedException e) {
            messages.error(null, "refused", e.getMessage());
        }
        load();
    }

    public String getChart() {
        return StepMetricsChart.json(steps, messages);
    }

    /** "job-name #id" once loaded; the page header before that or when there is no such execution. */
    public String getTitle() {
        return execution == null ? messages.text("title") : execution.jobName() + " #" + execution.executionId();
    }

    public JobProgress getProgress() {
        return execution == null ? null : JobProgress.of(execution, Instant.now());
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public JobExecutionView getExecution() { return execution; }
    public List<StepExecutionView> getSteps() { return steps; }
    public Long getRestartedAs() { return restartedAs; }
}
