package dev.orion.reporting.reports;

import dev.orion.platform.batch.JobParameters;
import dev.orion.reporting.application.SalesReports;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Computes one vendor's part of a sales report (a partition); the collector hands it to the main thread. */
@Named
@Dependent
public class VendorSalesBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String partVendorId;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @EJB
    SalesReports reports;

    @Override
    public String process() {
        if (!partVendorId.isEmpty()) {
            step.setTransientUserData(reports.computePart(JobParameters.of(job), Long.parseLong(partVendorId)));
        }
        return BatchStatus.COMPLETED.name();
    }
}
