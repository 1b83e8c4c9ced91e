package dev.orion.platform.imports.batch;

import dev.orion.platform.batch.JobParameters;
import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.imports.ImportEnded;
import dev.orion.platform.imports.ImportExecutions;
import dev.orion.platform.imports.ImportIssues;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When an import ends, however it ends, its report of rejected rows and warnings is kept in storage; an execution
 * that only waited for capacity (QUEUED) read nothing, so it has none. One that completed or failed is announced
 * ({@link ImportEnded}): events tells the vendor's systems.
 */
@Named
@Dependent
public class ImportReportListener extends AbstractJobListener {

    private static final Logger LOG = Logger.getLogger(ImportReportListener.class.getName());

    @Inject
    JobContext job;

    @EJB
    ImportIssues issues;

    @Inject
    Event<ImportEnded> ended;

    @Override
    public void afterJob() {
        if (JobExecutionView.QUEUED.equals(job.getExitStatus())) {
            return;
        }
        issues.store(job.getInstanceId());
        BatchStatus status = job.getBatchStatus();
        boolean failed = status == BatchStatus.FAILED;
        if (!failed && status != BatchStatus.STARTED && status != BatchStatus.COMPLETED && status != null) {
            return; // stopped (or stopping): it may be restarted, and ends then
        }
        String vendor = JobParameters.of(job).get(ImportExecutions.VENDOR_ID);
        if (vendor == null) {
            return;
        }
        try {
            ended.fire(new ImportEnded(job.getJobName(), importId(), Long.parseLong(vendor), !failed));
        } catch (RuntimeException e) {
            // the import's own outcome stands; only the announcement is lost
            LOG.log(Level.WARNING, "The end of " + job.getJobName() + " instance " + job.getInstanceId() + " could not be announced", e);
        }
    }

    /** The API names an import by its first execution: a restart is the same import. */
    private long importId() {
        JobOperator operator = BatchRuntime.getJobOperator();
        return operator.getJobExecutions(operator.getJobInstance(job.getExecutionId())).stream()
                .mapToLong(JobExecution::getExecutionId).min().orElse(job.getExecutionId());
    }
}
