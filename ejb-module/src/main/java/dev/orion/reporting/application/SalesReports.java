package dev.orion.reporting.application;

import dev.orion.notifications.application.EmailAttachment;
import dev.orion.notifications.application.EmailQueue;
import dev.orion.notifications.application.EmailRequest;
import dev.orion.platform.jobs.BatchJobs;
import dev.orion.platform.jobs.ExecutionQuery;
import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.InvalidRequestException;
import dev.orion.events.application.EventLog;
import dev.orion.events.application.EventTypes;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import dev.orion.platform.flags.FeatureFlags;
import dev.orion.platform.storage.StorageBackend;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * Sales reports: requested here (API, console, nightly timer), produced by the {@code sales-report} job
 * into storage, downloaded from here. A report's id is its job execution's id. A report someone asks for is
 * recorded in the audit log here; the nightly ones are not.
 */
@Stateless
public class SalesReports {

    public static final String JOB = "sales-report";
    static final String EMAIL_TO = "emailTo";
    static final String EMAIL_LOCALE = "emailLocale";
    static final int RECENT_SCAN = 200;

    @EJB
    BatchJobs jobs;

    @EJB
    SalesFiguresQuery figures;

    @Inject
    StorageBackend storage;

    @Inject
    EmailQueue emails;

    @Inject
    AuditLog audit;

    @Inject
    FeatureFlags flags;

    @Inject
    EventLog events;

    /**
     * Requests a report for {@code who} (an API client or a console user), recorded in the audit log; refused
     * (403 {@code feature-off}) while {@link ReportFeatures#SALES_REPORTS} is off for the vendor.
     */
    public long request(Actor who, SalesReportRequest request) {
        flags.require(ReportFeatures.SALES_REPORTS, request.vendorId());
        long id = request(request, List.of(), "en");
        audit.record(who, request.vendorId(), "report.request", "report", id,
                "sales " + request.from() + ".." + request.to() + " " + request.format());
        return id;
    }

    /** Requests a report that is emailed, once written, to {@code recipients} (in {@code locale}) with the file attached. */
    public long request(SalesReportRequest request, List<String> recipients, String locale) {
        if (request.vendorId() != null && !figures.vendorExists(request.vendorId())) {
            throw new InvalidRequestException("There is no vendor " + request.vendorId());
        }
        var parameters = new Properties();
        parameters.setProperty("vendorId", request.vendorId() == null ? SalesReportRequest.ALL_VENDORS : request.vendorId().toString());
        parameters.setProperty("from", request.from().toString());
        parameters.setProperty("to", request.to().toString());
        parameters.setProperty("format", request.format().name());
        parameters.setProperty("storageKey", "reports/sales/" + UUID.randomUUID() + "." + request.format().extension());
        if (!recipients.isEmpty()) {
            parameters.setProperty(EMAIL_TO, String.join(",", recipients));
            parameters.setProperty(EMAIL_LOCALE, locale);
        }
        return jobs.start(JOB, parameters);
    }

    /** Called by the job: the parts of a report, each computed on its own (in parallel): its three tables. */
    public List<String> partsOf(Map<String, String> parameters) {
        return java.util.Arrays.stream(SalesFiguresQuery.Section.values()).map(Enum::name).toList();
    }

    /** Called by the job, once per part ({@link #partsOf}) of the report. */
    public SalesFigures computePart(Map<String, String> parameters, String part) {
        return figures.section(SalesReportRequest.fromJobParameters(parameters), SalesFiguresQuery.Section.valueOf(part));
    }

    /**
     * Called by the job: combines the vendors' figures into the report, writes its file and records
     * {@code report.ready} (platform-level for a report over all vendors) in this transaction.
     */
    public void write(long reportId, Map<String, String> parameters, List<SalesFigures> parts) {
        SalesReportRequest request = SalesReportRequest.fromJobParameters(parameters);
        var result = SalesFigures.combine(request, figures.titleOf(request), parts);
        try (var out = storage.create(parameters.get("storageKey"))) {
            if (request.format() == ReportFormat.CSV) {
                SalesReportCsv.write(result, out);
            } else {
                SalesReportPdf.write(result, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report", e);
        }
        var report = new LinkedHashMap<String, Object>();
        report.put("id", reportId);
        report.put("kind", "sales");
        report.put("from", request.from().toString());
        report.put("to", request.to().toString());
        report.put("format", request.format().name().toLowerCase(java.util.Locale.ROOT));
        if (request.vendorId() == null) {
            events.recordPlatform(EventTypes.REPORT_READY, Map.of("report", report));
        } else {
            events.record(request.vendorId(), EventTypes.REPORT_READY, Map.of("report", report));
        }
        String recipients = parameters.get(EMAIL_TO);
        if (recipients != null && !recipients.isBlank()) {
            email(result, parameters.get("storageKey"), recipients.split(","), parameters.getOrDefault(EMAIL_LOCALE, "en"));
        }
    }

    private void email(SalesFigures report, String storageKey, String[] recipients, String locale) {
        var request = report.request();
        var model = new LinkedHashMap<String, Object>();
        model.put("vendorName", report.vendorName());
        model.put("from", request.from().toString());
        model.put("to", request.to().toString());
        model.put("orders", report.days().stream().mapToLong(SalesFigures.DayTotal::orders).sum());
        model.put("gross", report.days().stream().map(d -> d.gross().toPlainString() + " " + d.currency())
                .reduce((a, b) -> a + ", " + b).orElse("0.00"));
        String file = "sales-" + request.from() + (request.from().equals(request.to()) ? "" : "-to-" + request.to())
                + "." + request.format().extension();
        var attachment = new EmailAttachment(file, request.format() == ReportFormat.CSV ? "text/csv" : "application/pdf", storageKey);
        for (String recipient : recipients) {
            emails.enqueue(new EmailRequest("sales-report", locale, recipient.strip(), model,
                    "sales-report:" + storageKey + ":" + recipient.strip(), List.of(attachment)).bulk()); // after every email someone waits for
        }
    }

    /**
     * The report's newest execution, if the caller may see it: its own vendor's, or any for {@code vendorScope}
     * null. A report that waited for capacity (QUEUED) goes on in a later execution of the same job instance.
     */
    public Optional<JobExecutionView> find(Long vendorScope, long reportId) {
        return jobs.latestExecution(reportId)
                .filter(e -> JOB.equals(e.jobName()))
                .filter(e -> inScope(e, vendorScope));
    }

    /**
     * The newest reports the caller may see, newest first. The vendor is a job parameter the job repository
     * cannot filter on, so only the job's {@value #RECENT_SCAN} newest executions are looked through.
     */
    public List<JobExecutionView> recent(Long vendorScope, int limit) {
        var seen = new HashSet<Long>();
        return jobs.executions(new ExecutionQuery(JOB, null, null, null, null, RECENT_SCAN)).stream()
                .filter(e -> inScope(e, vendorScope))
                .filter(e -> seen.add(e.instanceId())) // newest first: a report that waited shows once, where it stands now
                .limit(limit)
                .toList();
    }

    private static boolean inScope(JobExecutionView report, Long vendorScope) {
        return vendorScope == null || Objects.equals(vendorScope.toString(), report.parameters().get("vendorId"));
    }

    public InputStream open(JobExecutionView report) {
        try {
            return storage.open(report.parameters().get("storageKey"));
        } catch (IOException e) {
            throw new UncheckedIOException("The report file is missing from storage", e);
        }
    }
}
