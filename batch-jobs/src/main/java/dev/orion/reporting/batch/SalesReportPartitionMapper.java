package dev.orion.reporting.batch;

import dev.orion.platform.batch.JobParameters;
import dev.orion.reporting.application.SalesReports;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One partition per vendor of the report, run on {@code ORION_REPORT_THREADS} threads of the batch pool (besides
 * the job's own): a fixed number, so the pool can be sized for the report slots (docs/operations.md, "Job capacity").
 */
@Named
@Dependent
public class SalesReportPartitionMapper implements PartitionMapper {

    @Inject
    JobContext job;

    @EJB
    SalesReports reports;

    @Inject
    @ConfigProperty(name = "orion.report.threads", defaultValue = "2")
    int threads;

    @Override
    public PartitionPlan mapPartitions() {
        List<Long> vendors = reports.partsOf(JobParameters.of(job));
        var plan = new PartitionPlanImpl();
        plan.setPartitions(Math.max(1, vendors.size()));
        plan.setThreads(Math.max(1, Math.min(vendors.size(), threads)));
        Properties[] properties = new Properties[plan.getPartitions()];
        for (int i = 0; i < properties.length; i++) {
            properties[i] = new Properties();
            // no vendor at all: one empty partition, so the report is still written (with no sales)
            properties[i].setProperty("partVendorId", vendors.isEmpty() ? "" : vendors.get(i).toString());
        }
        plan.setPartitionProperties(properties);
        return plan;
    }
}
