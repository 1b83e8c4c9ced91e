package dev.orion.platform.imports.batch;

import dev.orion.platform.imports.Excerpt;
import dev.orion.platform.imports.RejectedRowException;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * A rejected row only ends the step when it is one more than the skip limit allows; the import then fails with
 * an exit status that says so, instead of the bare exception of the last row.
 */
@Named
@Dependent
public class SkipLimitListener extends AbstractStepListener {

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String skipLimit;

    @Override
    public void afterStep() {
        if (step.getException() instanceof RejectedRowException last) {
            String status = "Too many rejected rows: more than " + skipLimit + " (the import's skip_limit); the last was line "
                    + last.line() + " (" + Excerpt.of(last.reason()) + "). Rows before it were imported; see the rejected rows.";
            // the reason may quote the row: excerpted, so the status fits the job repository's 512 characters
            step.setExitStatus(status);
            job.setExitStatus(status);
        }
    }
}
