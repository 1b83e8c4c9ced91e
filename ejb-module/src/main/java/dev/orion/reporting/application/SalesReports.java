package dev.orion.reporting.application;

import dev.orion.platform.InvalidRequestException;
import dev.orion.platform.batch.BatchJobs;
import dev.orion.platform.batch.JobExecutionView;
import dev.orion.platform.storage.StorageBackend;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * Sales reports: requested here (API, console, nightly timer), produced by the {@code sales-report} job
 * into storage, downloaded from here. A report's id is its job execution's id.
 */
@Stateless
public class SalesReports {

    public static final String JOB = "sales-report";

    @EJB
    BatchJobs jobs;

    @EJB
    SalesFiguresQuery figures;

    @Inject
    StorageBackend storage;

    public long request(SalesReportRequest request) {
        if (request.vendorId() != null && !figures.vendorExists(request.vendorId())) {
            throw new InvalidRequestException("There is no vendor " + request.vendorId());
        }
        var parameters = new Properties();
        parameters.setProperty("vendorId", request.vendorId() == null ? SalesReportRequest.ALL_VENDORS : request.vendorId().toString());
        parameters.setProperty("from", request.from().toString());
        parameters.setProperty("to", request.to().toString());
        parameters.setProperty("format", request.format().name());
        parameters.setProperty("storageKey", "reports/sales/" + UUID.randomUUID() + "." + request.format().extension());
        return jobs.start(JOB, parameters);
    }

    /** Called by the job: computes the figures and writes the file. */
    public void produce(Map<String, String> parameters) {
        SalesReportRequest request = SalesReportRequest.fromJobParameters(parameters);
        var result = figures.compute(request);
        try (var out = storage.create(parameters.get("storageKey"))) {
            if (request.format() == ReportFormat.CSV) {
                SalesReportCsv.write(result, out);
            } else {
                SalesReportPdf.write(result, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report", e);
        }
    }

    /** The report's execution, if the caller may see it: its own vendor's, or any for {@code vendorScope} null. */
    public Optional<JobExecutionView> find(Long vendorScope, long reportId) {
        return jobs.execution(reportId)
                .filter(e -> JOB.equals(e.jobName()))
                .filter(e -> vendorScope == null || Objects.equals(vendorScope.toString(), e.parameters().get("vendorId")));
    }

    public InputStream open(JobExecutionView report) {
        try {
            return storage.open(report.parameters().get("storageKey"));
        } catch (IOException e) {
            throw new UncheckedIOException("The report file is missing from storage", e);
        }
    }
}
