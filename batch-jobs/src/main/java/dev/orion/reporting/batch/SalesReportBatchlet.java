package dev.orion.reporting.batch;

import dev.orion.platform.batch.JobParameters;
import dev.orion.reporting.application.SalesReports;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Combines the vendors' figures gathered by the partitioned step and writes the report file into storage. */
@Named
@Dependent
public class SalesReportBatchlet extends AbstractBatchlet {

    @Inject
    JobContext job;

    @EJB
    SalesReports reports;

    @Override
    public String process() {
        reports.write(JobParameters.of(job), SalesParts.of(job).all());
        return BatchStatus.COMPLETED.name();
    }
}
