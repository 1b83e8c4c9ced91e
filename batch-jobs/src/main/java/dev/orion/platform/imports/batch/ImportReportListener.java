package dev.orion.platform.imports.batch;

import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.imports.ImportIssues;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * When an import ends, however it ends, its report of rejected rows and warnings is kept in storage; an execution
 * that only waited for capacity (QUEUED) read nothing, so it has none.
 */
@Named
@Dependent
public class ImportReportListener extends AbstractJobListener {

    @Inject
    JobContext job;

    @EJB
    ImportIssues issues;

    @Override
    public void afterJob() {
        if (JobExecutionView.QUEUED.equals(job.getExitStatus())) {
            return;
        }
        issues.store(job.getInstanceId());
    }
}
