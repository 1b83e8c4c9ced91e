package dev.orion.platform.imports.batch;

import dev.orion.platform.imports.ImportIssues;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** When an import ends, however it ends, its report of rejected rows and warnings is kept in storage. */
@Named
@Dependent
public class ImportReportListener extends AbstractJobListener {

    @Inject
    JobContext job;

    @EJB
    ImportIssues issues;

    @Override
    public void afterJob() {
        issues.store(job.getInstanceId());
    }
}
