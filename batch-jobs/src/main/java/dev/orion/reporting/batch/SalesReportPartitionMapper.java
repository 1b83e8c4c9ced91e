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
 * One partition per part of the report (its tables, {@link SalesReports#partsOf}), run on {@code ORION_REPORT_THREADS}
 * threads of the batch pool (besides the job's own): a fixed number, so the pool can be sized for the report slots
 * (docs/operations.md, "Job capacity").
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
        List<String> parts = reports.partsOf(JobParameters.of(job));
        var plan = new PartitionPlanImpl();
        plan.setPartitions(parts.size());
        plan.setThreads(Math.max(1, Math.min(parts.size(), threads)));
        Properties[] properties = new Properties[plan.getPartitions()];
        for (int i = 0; i < properties.length; i++) {
            properties[i] = new Properties();
            properties[i].setProperty("part", parts.get(i));
        }
        plan.setPartitionProperties(properties);
        return plan;
    }
}
