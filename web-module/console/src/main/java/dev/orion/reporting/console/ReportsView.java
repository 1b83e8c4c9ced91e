package dev.orion.reporting.console;

import dev.orion.platform.console.ConsoleCaller;
import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.console.ConsoleActor;
import dev.orion.platform.flags.FeatureFlags;
import dev.orion.platform.flags.FeatureOffException;
import dev.orion.reporting.application.ReportFeatures;
import dev.orion.reporting.application.ReportFormat;
import dev.orion.reporting.application.SalesReportRequest;
import dev.orion.reporting.application.SalesReports;
import dev.orion.platform.console.VendorMenu;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The reports page: request a sales report (a period, a format, a vendor or all for platform staff), follow
 * the reports being written (polled) and download the finished ones. {@link SalesReports} does the work.
 */
@Named
@ViewScoped
public class ReportsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String BUNDLE = "dev.orion.console.reports";
    private static final int SHOWN = 30;

    @Inject
    SalesReports reports;

    @Inject
    VendorMenu vendorChoices;

    @Inject
    ConsoleCaller user;

    @Inject
    FeatureFlags flags;

    private LocalDate from = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
    private LocalDate to = LocalDate.now(ZoneOffset.UTC);
    private ReportFormat format = ReportFormat.CSV;
    /** Null: every vendor (platform users only). */
    private Long vendorId;
    private List<ReportRow> rows = List.of();

    /** A report as the list shows it. */
    public record ReportRow(long id, String status, SalesReportRequest request, JobExecutionView execution) implements Serializable {

        public boolean isReady() {
            return "COMPLETED".equals(status);
        }

        public boolean isRunning() {
            return !execution.finished() || execution.queued();
        }
    }

    @PostConstruct
    void init() {
        vendorId = user.isPlatform() ? null : user.getVendorId();
        load();
    }

    /** Requests the report; a period or vendor the service refuses becomes a message beside the form. */
    public void request() {
        Long vendor = user.isPlatform() ? vendorId : user.getVendorId();
        try {
            var request = new SalesReportRequest(vendor, from, to, format);
            long id = reports.request(actor(), request);
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_INFO, MessageFormat.format(text("requested"), id), ""));  // a null detail would repeat the summary in the growl
            load();
        } catch (FeatureOffException e) { // switched off since the page showed the button
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text("request.off"), null));
        } catch (IllegalArgumentException e) {
            var faces = FacesContext.getCurrentInstance();
            faces.addMessage("reports-form:to", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    MessageFormat.format(text("error.refused"), e.getMessage()), null));
            faces.validationFailed();
        }
    }

    /** Whether sales reports are switched off for the chosen vendor (all vendors: the platform value). */
    public boolean isReportsOff() {
        return !flags.isOn(ReportFeatures.SALES_REPORTS, user.isPlatform() ? vendorId : user.getVendorId());
    }

    /** Called by the poll while a report is being written, and by the refresh button. */
    public void load() {
        rows = reports.recent(user.isPlatform() ? null : user.getVendorId(), SHOWN).stream()
                .map(e -> new ReportRow(e.executionId(), e.status(), SalesReportRequest.fromJobParameters(e.parameters()), e))
                .toList();
    }

    public boolean isAnyRunning() {
        return rows.stream().anyMatch(ReportRow::isRunning);
    }

    public String vendorName(Long id) {
        return id == null ? text("vendor.all") : vendorChoices.name(id);
    }

    /** When something happened, in UTC like the dates of reports and feeds. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private Actor actor() {
        return ConsoleActor.of(user);
    }

    private static String text(String key) {
        var faces = FacesContext.getCurrentInstance();
        return ResourceBundle.getBundle(BUNDLE, faces.getViewRoot().getLocale()).getString(key);
    }

    public int getMaxDays() { return SalesReportRequest.MAX_DAYS; }
    public ReportFormat[] getFormats() { return ReportFormat.values(); }
    public List<ReportRow> getRows() { return rows; }

    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public ReportFormat getFormat() { return format; }
    public void setFormat(ReportFormat format) { this.format = format; }
    public Long getVendorId() { return vendorId; }
    // a VENDOR user cannot ask for another vendor's report, whatever the request says
    public void setVendorId(Long id) { this.vendorId = user.isPlatform() ? id : user.getVendorId(); }
}
