package dev.orion.catalog.application;

import dev.orion.platform.jobs.BatchJobs;
import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.jobs.JobProgress;
import dev.orion.platform.InvalidRequestException;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import dev.orion.platform.imports.FeedUploads;
import dev.orion.platform.imports.ImportExecutions;
import dev.orion.platform.imports.ImportIssues;
import dev.orion.platform.imports.fetch.FeedUrls;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
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

    @EJB
    BatchJobs jobs;

    @EJB
    ImportIssues issues;

    @Inject
    FeedUploads uploads;

    @Inject
    AuditLog audit;

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
        checkMode(mode);
        ImportExecutions.checkSkipLimit(skipLimit);
        long id = start(vendorId, uploads.store("uploads/" + vendorId, upload), mode, skipLimit);
        audit.record(who, vendorId, "import.start", "import", id, source + " (" + mode + ")");
        return id;
    }

    /** Starts an import of a feed already in storage (the scheduled feed sync fetched and stored it). */
    public long startStored(long vendorId, FeedUploads.StoredFeed feed, String mode, String source, Actor who) {
        checkMode(mode);
        long id = start(vendorId, feed, mode, null);
        audit.record(who, vendorId, "import.start", "import", id, source + " (" + mode + ")");
        return id;
    }

    /**
     * Starts an import of the feed at {@code url}: only its form is checked here; the job fetches it (vetting
     * where it may connect, see {@link dev.orion.platform.imports.fetch.HttpFeedDownloader}) before it reads it.
     */
    public long startFromUrl(long vendorId, URI url, String mode, Integer skipLimit, Actor who) {
        checkMode(mode);
        ImportExecutions.checkSkipLimit(skipLimit);
        FeedUrls.check(url);
        var parameters = parameters(vendorId, uploads.newKey("uploads/" + vendorId), mode, skipLimit);
        parameters.setProperty(ImportExecutions.FEED_URL, url.toString());
        long id = jobs.start(JOB, parameters);
        audit.record(who, vendorId, "import.start", "import", id, "from " + url);
        return id;
    }

    private long start(long vendorId, FeedUploads.StoredFeed feed, String mode, Integer skipLimit) {
        var parameters = parameters(vendorId, feed.storageKey(), mode, skipLimit);
        if (feed.lines() != null) {
            parameters.setProperty(JobProgress.TOTAL_ROWS, Long.toString(Math.max(0, feed.lines() - 1))); // less the header
        }
        return jobs.start(JOB, parameters);
    }

    private Properties parameters(long vendorId, String storageKey, String mode, Integer skipLimit) {
        var parameters = new Properties();
        ImportExecutions.putSkipLimit(parameters, skipLimit);
        parameters.setProperty(ImportExecutions.VENDOR_ID, Long.toString(vendorId));
        parameters.setProperty("storageKey", storageKey);
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

    /** Writes the rejected rows and warnings of an import found with {@link #find} as CSV. */
    public void writeRejects(JobExecutionView execution, Writer out) {
        issues.writeReport(execution, out);
    }
}
