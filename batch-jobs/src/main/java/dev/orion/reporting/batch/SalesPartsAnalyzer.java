package dev.orion.reporting.batch;

import dev.orion.reporting.application.SalesFigures;
import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** Gathers the vendors' figures on the main thread, for the step that writes the report. */
@Named
@Dependent
public class SalesPartsAnalyzer extends AbstractPartitionAnalyzer {

    @Inject
    JobContext job;

    @Override
    public void analyzeCollectorData(Serializable data) {
        if (data instanceof SalesFigures part) {
            SalesParts.of(job).add(part);
        }
    }
}
