package dev.orion.reporting.batch;

import dev.orion.platform.batch.JobCorrelation;
import jakarta.batch.runtime.BatchRuntime;
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

/** Computes one part of a sales report (a partition: one of its tables); the collector hands it to the main thread. */
@Named
@Dependent
public class SalesPartBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String part;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @EJB
    SalesReports reports;

    @Override
    public String process() {
        // a partition runs on a pooled thread of its own: its log lines need the execution's identity too
        try (var correlation = JobCorrelation.enter(job, BatchRuntime.getJobOperator().getParameters(job.getExecutionId()))) {
            step.setTransientUserData(reports.computePart(JobParameters.of(job), part));
            return BatchStatus.COMPLETED.name();
        }
    }
}
