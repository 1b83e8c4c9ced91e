package dev.orion.platform.imports.batch;

import dev.orion.platform.imports.ImportIssues;
import dev.orion.platform.imports.RejectedRowException;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.api.chunk.listener.SkipReadListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Records each rejected row in the import's report, inside the chunk's transaction: rows the processor refused,
 * and records the reader passed over (a line over the record limit, an XML item with too many elements).
 */
@Named
@Dependent
public class RejectedRowListener implements SkipProcessListener, SkipReadListener {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String vendorId;

    /** "true" for a dry run: its rejects are in its report only, no product's open issues. */
    @Inject
    @BatchProperty
    String dryRun;

    @EJB
    ImportIssues issues;

    @Override
    public void onSkipReadItem(Exception e) {
        onSkipProcessItem(null, e);
    }

    @Override
    public void onSkipProcessItem(Object item, Exception e) {
        if (e instanceof RejectedRowException rejected) {
            issues.rejected(job.getInstanceId(), Long.parseLong(vendorId), rejected, !Boolean.parseBoolean(dryRun));
        }
    }
}
