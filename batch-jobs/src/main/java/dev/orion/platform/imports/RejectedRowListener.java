package dev.orion.platform.imports;

import dev.orion.platform.imports.ImportIssues;
import dev.orion.platform.imports.RejectedRowException;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Records each rejected row in the import's report, inside the chunk's transaction. */
@Named
@Dependent
public class RejectedRowListener implements SkipProcessListener {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String vendorId;

    @EJB
    ImportIssues issues;

    @Override
    public void onSkipProcessItem(Object item, Exception e) {
        if (e instanceof RejectedRowException rejected) {
            issues.rejected(job.getInstanceId(), Long.parseLong(vendorId), rejected);
        }
    }
}
