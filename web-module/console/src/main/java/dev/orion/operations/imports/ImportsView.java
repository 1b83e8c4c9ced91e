package dev.orion.operations.imports;

import dev.orion.catalog.application.ImportNotApplicableException;
import dev.orion.catalog.application.ImportNotRevertibleException;
import dev.orion.catalog.application.ImportPreview;
import dev.orion.catalog.application.ImportRevert;
import dev.orion.catalog.application.ImportReverts;
import dev.orion.catalog.application.ProductImports;
import dev.orion.catalog.application.UnsupportedFeedException;
import dev.orion.platform.console.ConsoleCaller;
import dev.orion.platform.console.PageMessages;
import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.jobs.JobProgress;
import dev.orion.orders.application.OrderFeatures;
import dev.orion.orders.application.OrderImports;
import dev.orion.platform.InvalidRequestException;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.console.ConsoleActor;
import dev.orion.platform.imports.ImportExecutions;
import dev.orion.platform.imports.ImportHistory;
import dev.orion.platform.imports.ImportIssue;
import dev.orion.platform.imports.ImportIssues;
import dev.orion.platform.imports.ImportRun;
import dev.orion.platform.imports.IssueGroup;
import dev.orion.platform.console.VendorMenu;
import dev.orion.platform.flags.FeatureFlags;
import dev.orion.platform.flags.FeatureOffException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The imports page: upload a products or marketplace-orders feed for a vendor, follow the import it starts
 * (polled), see its result and rejected rows, and the recent imports. The import services do the work.
 */
@Named
@ViewScoped
public class ImportsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public static final String PRODUCTS = "products";
    public static final String ORDERS = "orders";
    static final List<String> JOBS = List.of(ProductImports.JOB, OrderImports.JOB);
    static final String BUNDLE = "dev.orion.console.imports";
    private static final int ISSUES_SHOWN = 50;
    private static final int RECENT_SHOWN = 20;

    @Inject
    ProductImports productImports;

    @Inject
    OrderImports orderImports;

    @Inject
    ImportReverts reverts;

    @Inject
    ImportHistory history;

    @Inject
    ImportIssues issues;

    @Inject
    VendorMenu vendorChoices;

    @Inject
    FeatureFlags flags;

    @Inject
    ConsoleCaller user;

    /** The same bound as the server's request size (ORION_MAX_UPLOAD_BYTES), checked before the upload starts. */
    @Inject
    @ConfigProperty(name = "orion.max-upload-bytes", defaultValue = "1073741824")
    long uploadLimit;

    private String kind = PRODUCTS;
    private Long vendorId;
    private String mode = ProductImports.MODES.get(0);
    private Integer skipLimit;
    private boolean dryRun;

    private ImportRun current;
    private JobProgress progress;
    private List<ImportIssue> currentIssues = List.of();
    private List<IssueGroup> issueGroups = List.of();
    private ImportPreview preview;
    private List<ImportRun> recent = List.of();
    private boolean revertible;
    private ImportRevert revertResult;
    private final PageMessages messages = new PageMessages(BUNDLE);

    @PostConstruct
    void init() {
        vendorId = user.isPlatform() ? vendorChoices.firstId() : user.getVendorId();
        recent = history.recent(JOBS, scope(), RECENT_SHOWN);
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        if (id != null && id.matches("\\d{1,18}")) {
            open(Long.parseLong(id));
        }
    }

    /** Stores the uploaded feed and starts its import; a feed or parameter the service refuses becomes a message. */
    public void upload(FileUploadEvent event) {
        Long vendor = user.isPlatform() ? vendorId : user.getVendorId();
        if (vendor == null) {
            error("imports-form:vendor", text("error.vendor"));
            return;
        }
        UploadedFile file = event.getFile();
        // the upload is on disk (multipart); it is streamed to storage, never held in memory
        try (InputStream feed = file.getInputStream()) {
            String source = "console upload " + file.getFileName();
            long id = ORDERS.equals(kind) ? orderImports.start(vendor, feed, skipLimit, source, actor())
                    : productImports.start(vendor, feed, mode, skipLimit, dryRun, source, actor());
            open(id);
            recent = history.recent(JOBS, scope(), RECENT_SHOWN);
        } catch (InvalidRequestException | UnsupportedFeedException e) {
            error("imports-form:feed", MessageFormat.format(text("error.refused"), file.getFileName(), e.getMessage()));
        } catch (FeatureOffException e) { // switched off since the page showed the upload
            error("imports-form:feed", text("error.ordersOff"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports the file of the dry run shown, as the API's Apply does, and follows the new import. */
    public void apply() {
        if (current == null || !isDryRun()) {
            return;
        }
        try {
            long id = productImports.apply(current.vendorId(), current.id(), current.latest(), actor());
            open(id);
            recent = history.recent(JOBS, scope(), RECENT_SHOWN);
        } catch (ImportNotApplicableException e) {
            error(null, e.getMessage());
        }
    }

    /**
     * Reverts the product import shown, as the API's revert does (the page asked for confirmation); the result
     * (restored, removed, conflicts) is a page message, and stays on the page.
     */
    public void revert() {
        if (current == null || !ProductImports.JOB.equals(current.jobName())) {
            return;
        }
        try {
            ImportRevert result = reverts.revert(current.vendorId(), current.id(), current.latest(), actor());
            open(current.id());
            if (result.conflicts() == 0) {
                messages.info("revert.done", result.restored(), result.removed(), result.unavailable());
            } else {
                messages.info("revert.doneWithConflicts", result.restored(), result.removed(), result.unavailable(),
                        result.conflicts(), String.join(", ", result.conflictSkus()));
            }
        } catch (ImportNotRevertibleException e) {
            messages.error(null, "revert.refused", e.getMessage());
            open(current.id());
        }
    }

    /** Whether marketplace order imports are chosen but switched off for the vendor: the upload is disabled then. */
    public boolean isOrdersOff() {
        Long vendor = user.isPlatform() ? vendorId : user.getVendorId();
        return ORDERS.equals(kind) && vendor != null && !flags.isOn(OrderFeatures.IMPORTS, vendor);
    }

    /** Called by the poll while the import runs. */
    public void refresh() {
        if (current == null) {
            return;
        }
        boolean wasRunning = isRunning();
        open(current.id());
        if (wasRunning && !isRunning()) {
            recent = history.recent(JOBS, scope(), RECENT_SHOWN);
        }
    }

    private void open(long importId) {
        current = history.find(JOBS, scope(), importId).orElse(null);
        if (current == null) {
            progress = null;
            currentIssues = List.of();
            issueGroups = List.of();
            preview = null;
            revertible = false;
            revertResult = null;
            error(null, text("error.notFound"));
            return;
        }
        progress = JobProgress.of(current.latest(), Instant.now());
        currentIssues = issues.first(current.latest().instanceId(), ISSUES_SHOWN);
        issueGroups = issues.summary(current.latest().instanceId());
        preview = isDryRun() ? productImports.preview(current.latest()).orElse(null) : null;
        boolean products = ProductImports.JOB.equals(current.jobName()) && !isDryRun();
        revertible = products && reverts.isRevertible(current.vendorId(), current.latest());
        revertResult = products ? reverts.find(current.vendorId(), current.id(), current.latest().instanceId()).orElse(null) : null;
    }

    /** Whether the import shown is a dry run of a product feed. */
    public boolean isDryRun() {
        return current != null && ProductImports.JOB.equals(current.jobName()) && ProductImports.isDryRun(current.latest());
    }

    /** A row of the preview's table: one field of one product the dry run would create or change. */
    public record ChangeRow(String sku, String kind, String field, String before, String after) implements Serializable {
    }

    /** A field the dry run would change in some products, and in how many. */
    public record FieldCount(String field, long count) implements Serializable {
    }

    public List<ChangeRow> getPreviewChanges() {
        if (preview == null) {
            return List.of();
        }
        return preview.changes().stream().flatMap(c -> c.fields().entrySet().stream()
                .map(f -> new ChangeRow(c.sku(), c.kind(), f.getKey(), f.getValue().before(), f.getValue().after()))).toList();
    }

    public List<FieldCount> getChangedFields() {
        if (preview == null) {
            return List.of();
        }
        return preview.changedFields().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new FieldCount(e.getKey(), e.getValue())).toList();
    }

    /** The example lines of a group of issues, as the page lists them. */
    public String exampleLines(IssueGroup group) {
        return group.examples().stream().map(i -> Long.toString(i.line())).collect(java.util.stream.Collectors.joining(", "));
    }

    /** Whether Apply is offered: a completed dry run that no import applied yet. */
    public boolean isApplicable() {
        return isDryRun() && "COMPLETED".equals(current.latest().batchStatus()) && preview != null && preview.appliedImportId() == null;
    }

    /** Platform users see every vendor's imports; a VENDOR user only its own. */
    private Long scope() {
        return user.isPlatform() ? null : user.getVendorId();
    }

    /** Running or waiting in the line: the page keeps following it either way. */
    public boolean isRunning() {
        return current != null && (!current.latest().finished() || current.latest().queued());
    }

    /** The status users read: a waiting import says where it stands in its vendor's line. */
    public String statusOf(JobExecutionView execution) {
        if (execution.queued() && execution.queuePosition() != null) {
            return MessageFormat.format(text("status.queued"), execution.queuePosition());
        }
        return execution.status();
    }

    public int getPercent() {
        return progress == null || progress.percent() == null ? 0 : (int) Math.floor(progress.percent());
    }

    /** Why an import failed, as a line of the list: its exit status's first line (the whole is its title). */
    public String reason(ImportRun run) {
        String status = run.latest().exitStatus();
        return status == null ? "" : status.lines().findFirst().orElse("");
    }

    public String kindOf(ImportRun run) {
        return OrderImports.JOB.equals(run.jobName()) ? ORDERS : PRODUCTS;
    }

    public String vendorName(long id) {
        return vendorChoices.name(id);
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

    private static void error(String clientId, String message) {
        var faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        faces.validationFailed();
    }

    public List<String> getKinds() { return List.of(PRODUCTS, ORDERS); }
    public List<String> getModes() { return ProductImports.MODES; }
    public int getMaxSkipLimit() { return ImportExecutions.MAX_SKIP_LIMIT; }
    public long getUploadLimit() { return uploadLimit; }

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = ORDERS.equals(kind) ? ORDERS : PRODUCTS; }
    public Long getVendorId() { return vendorId; }
    // a VENDOR user cannot switch to another vendor, whatever the request says
    public void setVendorId(Long id) { this.vendorId = user.isPlatform() ? id : user.getVendorId(); }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public Integer getSkipLimit() { return skipLimit; }
    public void setSkipLimit(Integer skipLimit) { this.skipLimit = skipLimit; }

    public ImportRun getCurrent() { return current; }
    public JobProgress getProgress() { return progress; }
    public List<ImportIssue> getCurrentIssues() { return currentIssues; }
    public List<IssueGroup> getIssueGroups() { return issueGroups; }
    public ImportPreview getPreview() { return preview; }
    /** Whether Revert is offered: a product import that ended, with revert data kept and not reverted yet. */
    public boolean isRevertible() { return revertible; }
    public ImportRevert getRevertResult() { return revertResult; }
    public boolean getDryRunChosen() { return dryRun; }
    public void setDryRunChosen(boolean dryRun) { this.dryRun = dryRun; }
    public List<ImportRun> getRecent() { return recent; }
}
