package dev.orion.catalog.application;

import dev.orion.platform.jobs.BatchJobs;
import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.jobs.JobProgress;
import dev.orion.platform.InvalidRequestException;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import dev.orion.platform.imports.FeedFiles;
import dev.orion.platform.imports.FeedLimits;
import dev.orion.platform.imports.FeedRefusedException;
import dev.orion.platform.imports.FeedUploads;
import dev.orion.platform.imports.ImportExecutions;
import dev.orion.platform.imports.ImportIssues;
import dev.orion.platform.imports.fetch.FeedUrls;
import dev.orion.platform.storage.StorageBackend;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Accepts a product feed (uploaded, or fetched from a URL), keeps it in storage and starts the
 * {@code product-import} job on it. An import's id is its first job execution's id; after a restart the
 * import is followed through the newest execution of the same job instance. Each start is recorded in the
 * audit log ({@code import.start}) here, whoever asked for it.
 */
@Stateless
public class ProductImports {

    public static final String JOB = "product-import";
    /** The job parameter of a dry run: the pipeline compares with the catalogue instead of writing it. */
    public static final String DRY_RUN = "dryRun";
    static final String STORAGE_KEY = "storageKey";
    /** What Apply carries over from the dry run to the import: the same file, read the same way. */
    static final java.util.List<String> APPLIED_PARAMETERS = java.util.List.of(ImportExecutions.VENDOR_ID, STORAGE_KEY,
            "chunkSize", "mode", "skipLimit", "currency", JobProgress.TOTAL_ROWS);

    @EJB
    BatchJobs jobs;

    @EJB
    ImportIssues issues;

    @Inject
    FeedUploads uploads;

    @Inject
    AuditLog audit;

    @EJB
    ImportPreviews previews;

    @EJB
    ProductCatalog catalog;

    @Inject
    StorageBackend storage;

    @Inject
    FeedLimits limits;

    /**
     * Rows per chunk transaction: each commit waits for PostgreSQL's WAL flush (about 8 ms on the development
     * machine, 17 s per million rows in 500-row chunks), so chunks are large; a restart re-reads at most one.
     */
    @Inject
    @ConfigProperty(name = "orion.import.chunk-size", defaultValue = "5000")
    int chunkSize;

    /** How an import treats the vendor's products that are not in the feed: left alone, or made unavailable. */
    public static final java.util.List<String> MODES = java.util.List.of("update", "full");

    /**
     * Starts an import of an uploaded feed; {@code skipLimit} (null: the job's default, 1000) bounds the rejected
     * rows. {@code source} says, for the audit log, how the feed came ("upload feed.tsv", "console upload feed.tsv").
     */
    public long start(long vendorId, InputStream upload, String mode, Integer skipLimit, String source, Actor who) {
        return start(vendorId, upload, mode, skipLimit, false, source, who);
    }

    /**
     * Starts an import of an uploaded feed, or with {@code dryRun} a dry run of it: the whole pipeline, comparing
     * with the catalogue instead of writing it ({@link ImportPreviews}); {@link #apply} then imports the same file.
     */
    public long start(long vendorId, InputStream upload, String mode, Integer skipLimit, boolean dryRun, String source, Actor who) {
        checkMode(mode);
        ImportExecutions.checkSkipLimit(skipLimit);
        long id = start(vendorId, recognised(uploads.store("uploads/" + vendorId, upload)), mode, skipLimit, dryRun);
        audit.record(who, vendorId, dryRun ? "import.dry-run" : "import.start", "import", id, source + " (" + mode + ")");
        return id;
    }

    /** Starts an import of a feed already in storage (the scheduled feed sync fetched and stored it). */
    public long startStored(long vendorId, FeedUploads.StoredFeed feed, String mode, String source, Actor who) {
        checkMode(mode);
        long id = start(vendorId, feed, mode, null, false);
        audit.record(who, vendorId, "import.start", "import", id, source + " (" + mode + ")");
        return id;
    }

    /**
     * Imports the very file a completed dry run read, with its mode, skip limit and currency: a new import, audited
     * as {@code import.apply}. A dry run is applied once; what is not a completed dry run is refused (409).
     */
    public long apply(long vendorId, long dryRunId, JobExecutionView dryRun, Actor who) {
        if (!"true".equals(dryRun.parameters().get(DRY_RUN))) {
            throw new ImportNotApplicableException("Import " + dryRunId + " is not a dry run; only a dry run can be applied");
        }
        if (!"COMPLETED".equals(dryRun.batchStatus())) {
            throw new ImportNotApplicableException("Dry run " + dryRunId + " has not completed (" + dryRun.status()
                    + "); only a completed dry run can be applied");
        }
        var applied = previews.appliedImport(dryRun.instanceId());
        if (applied.isPresent()) {
            throw new ImportNotApplicableException("Dry run " + dryRunId + " was already applied by import " + applied.get());
        }
        String storageKey = dryRun.parameters().get(STORAGE_KEY);
        if (storageKey == null || !uploads.isStored(storageKey)) {
            throw new ImportNotApplicableException("The feed of dry run " + dryRunId + " is no longer stored; upload it again");
        }
        var parameters = new Properties();
        for (String name : APPLIED_PARAMETERS) {
            String value = dryRun.parameters().get(name);
            if (value != null) {
                parameters.setProperty(name, value);
            }
        }
        long id = jobs.start(JOB, parameters);
        previews.markApplied(vendorId, dryRun.instanceId(), id);
        audit.record(who, vendorId, "import.apply", "import", id, "dry run " + dryRunId);
        return id;
    }

    /** The preview of a dry run found with {@link #find}; empty for an import that is not a dry run, or not started yet. */
    public Optional<ImportPreview> preview(JobExecutionView execution) {
        if (!isDryRun(execution)) {
            return Optional.empty();
        }
        return previews.find(execution.instanceId(), "full".equals(execution.parameters().get("mode")));
    }

    public static boolean isDryRun(JobExecutionView execution) {
        return "true".equals(execution.parameters().get(DRY_RUN));
    }

    /**
     * Starts an import of the feed at {@code url}: only its form is checked here; the job fetches it (vetting
     * where it may connect, see {@link dev.orion.platform.imports.fetch.HttpFeedDownloader}) before it reads it.
     */
    public long startFromUrl(long vendorId, URI url, String mode, Integer skipLimit, Actor who) {
        return startFromUrl(vendorId, url, mode, skipLimit, false, who);
    }

    /** As {@link #startFromUrl(long, URI, String, Integer, Actor)}, or a dry run of the fetched feed. */
    public long startFromUrl(long vendorId, URI url, String mode, Integer skipLimit, boolean dryRun, Actor who) {
        checkMode(mode);
        ImportExecutions.checkSkipLimit(skipLimit);
        FeedUrls.check(url);
        var parameters = parameters(vendorId, uploads.newKey("uploads/" + vendorId), mode, skipLimit);
        parameters.setProperty(ImportExecutions.FEED_URL, url.toString());
        if (dryRun) {
            parameters.setProperty(DRY_RUN, "true");
        }
        long id = jobs.start(JOB, parameters);
        audit.record(who, vendorId, dryRun ? "import.dry-run" : "import.start", "import", id, "from " + url);
        return id;
    }

    /**
     * The stored feed, if Orion reads its format; otherwise it is deleted and refused before any job starts (a feed
     * fetched from its URL is only seen by its job, which fails with the same words).
     */
    private FeedUploads.StoredFeed recognised(FeedUploads.StoredFeed feed) {
        String header;
        try (var text = new BufferedReader(new InputStreamReader(FeedFiles.openText(storage.open(feed.storageKey()), limits),
                StandardCharsets.UTF_8), ProductFeedFormat.SNIFF_CHARS)) {
            header = ProductFeedFormat.firstLine(text);
        } catch (IOException | FeedRefusedException e) {
            return feed; // the job reads it and says what is wrong with it
        }
        if (ProductFeedFormat.of(header).isPresent()) {
            return feed;
        }
        try {
            storage.delete(feed.storageKey());
        } catch (IOException e) {
            // housekeeping purges what is left; the feed is refused either way
        }
        throw new UnsupportedFeedException();
    }

    private long start(long vendorId, FeedUploads.StoredFeed feed, String mode, Integer skipLimit, boolean dryRun) {
        var parameters = parameters(vendorId, feed.storageKey(), mode, skipLimit);
        if (feed.lines() != null) {
            parameters.setProperty(JobProgress.TOTAL_ROWS, Long.toString(Math.max(0, feed.lines() - 1))); // less the header
        }
        if (dryRun) {
            parameters.setProperty(DRY_RUN, "true");
        }
        return jobs.start(JOB, parameters);
    }

    private Properties parameters(long vendorId, String storageKey, String mode, Integer skipLimit) {
        var parameters = new Properties();
        ImportExecutions.putSkipLimit(parameters, skipLimit);
        parameters.setProperty(ImportExecutions.VENDOR_ID, Long.toString(vendorId));
        parameters.setProperty(STORAGE_KEY, storageKey);
        parameters.setProperty("chunkSize", Integer.toString(chunkSize));
        parameters.setProperty("mode", mode);
        return parameters;
    }

    private static void checkMode(String mode) {
        if (!MODES.contains(mode)) {
            throw new InvalidRequestException("mode must be update (the default) or full, was: " + mode);
        }
    }

    /**
     * The import's newest execution, only if the import belongs to this vendor. A restart keeps the job's
     * parameters, so the newest execution tells the job and the vendor as well as the first.
     */
    public Optional<JobExecutionView> find(long vendorId, long importId) {
        return jobs.latestExecution(importId).filter(ImportExecutions.of(JOB, vendorId));
    }

    /** The rejected rows and warnings of an import found with {@link #find}, grouped by issue code. */
    public java.util.List<dev.orion.platform.imports.IssueGroup> issueSummary(JobExecutionView execution) {
        return issues.summary(execution.instanceId());
    }

    /**
     * The open issues of a vendor's product, from the latest import that named it (a row it rejected or warned
     * about); empty when that import had none. Empty Optional: no such product and no issue under that SKU.
     */
    public Optional<java.util.List<dev.orion.platform.imports.OpenIssue>> openIssues(long vendorId, String sku) {
        var open = issues.openFor(vendorId, sku);
        if (open.isEmpty() && catalog.find(vendorId, sku).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(open);
    }

    /** Writes the rejected rows and warnings of an import found with {@link #find} as CSV. */
    public void writeRejects(JobExecutionView execution, Writer out) {
        issues.writeReport(execution, out);
    }
}
