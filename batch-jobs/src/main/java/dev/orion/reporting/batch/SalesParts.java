package dev.orion.reporting.batch;

import dev.orion.reporting.application.SalesFigures;
import jakarta.batch.runtime.context.JobContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The vendors' figures of the running report, held in the job's transient data between the partitioned step
 * and the step that writes the file. Not persisted: a restart computes them again (allow-start-if-complete).
 */
final class SalesParts {

    private final List<SalesFigures> parts = new ArrayList<>();

    static SalesParts of(JobContext job) {
        if (!(job.getTransientUserData() instanceof SalesParts)) {
            job.setTransientUserData(new SalesParts());
        }
        return (SalesParts) job.getTransientUserData();
    }

    synchronized void add(SalesFigures part) {
        parts.add(part);
    }

    synchronized List<SalesFigures> all() {
        return List.copyOf(parts);
    }
}
