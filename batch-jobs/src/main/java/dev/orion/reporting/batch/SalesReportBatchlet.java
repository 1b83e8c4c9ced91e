package dev.orion.reporting.batch;

import dev.orion.platform.batch.JobParameters;
import dev.orion.reporting.application.SalesReports;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
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
        reports.write(reportId(), JobParameters.of(job), SalesParts.of(job).all());
        return BatchStatus.COMPLETED.name();
    }

    /** A report's id is its instance's first execution (a report that waited goes on in a later one). */
    private long reportId() {
        var operator = BatchRuntime.getJobOperator();
        return operator.getJobExecutions(operator.getJobInstance(job.getExecutionId())).stream()
                .mapToLong(JobExecution::getExecutionId).min().orElse(job.getExecutionId());
    }
}
