package dev.orion.orders.application;

import dev.orion.platform.jobs.BatchJobs;
import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.jobs.JobProgress;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import dev.orion.platform.flags.FeatureFlags;
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
 * Accepts a marketplace orders feed (JSON Lines, uploaded or fetched from a URL), keeps it in storage and
 * starts the {@code order-import} job on it. Followed like a product import: by its first execution's id.
 * A start someone asked for is recorded in the audit log ({@code order-import.start}) here; a scheduled one is
 * recorded as its schedule's run.
 */
@Stateless
public class OrderImports {

    public static final String JOB = "order-import";

    @EJB
    BatchJobs jobs;

    @EJB
    ImportIssues issues;

    @Inject
    FeedUploads uploads;

    @Inject
    AuditLog audit;

    @Inject
    FeatureFlags flags;

    /** Orders per chunk transaction: each takes stock and enqueues an email, so chunks stay modest. */
    @Inject
    @ConfigProperty(name = "orion.order-import.chunk-size", defaultValue = "100")
    int chunkSize;

    /**
     * Starts an import of an uploaded orders feed (refused, 403 {@code feature-off}, while
     * {@link OrderFeatures#IMPORTS} is off for the vendor); {@code skipLimit} (null: the job's default, 1000) bounds the
     * rejected lines. {@code source} says, for the audit log, how the feed came ("upload orders.jsonl").
     */
    public long start(long vendorId, InputStream upload, Integer skipLimit, String source, Actor who) {
        flags.require(OrderFeatures.IMPORTS, vendorId);
        ImportExecutions.checkSkipLimit(skipLimit);
        long id = start(vendorId, uploads.store("order-feeds/" + vendorId, upload), skipLimit);
        audit.record(who, vendorId, "order-import.start", "order-import", id, source);
        return id;
    }

    /**
     * Starts an import of the orders feed at {@code url}: only its form is checked here; the job fetches it
     * (see {@link dev.orion.platform.imports.fetch.HttpFeedDownloader}) before it reads it.
     */
    public long startFromUrl(long vendorId, URI url, Integer skipLimit, Actor who) {
        flags.require(OrderFeatures.IMPORTS, vendorId);
        long id = startFromUrl(vendorId, url, skipLimit);
        audit.record(who, vendorId, "order-import.start", "order-import", id, "from " + url);
        return id;
    }

    /**
     * The {@code marketplace-order-import} task's start, from the vendor's orders feed URL: not in the audit log,
     * like every scheduled run (its schedule run names the imports it started).
     */
    public long startScheduled(long vendorId, URI url) {
        return startFromUrl(vendorId, url, null);
    }

    private long startFromUrl(long vendorId, URI url, Integer skipLimit) {
        ImportExecutions.checkSkipLimit(skipLimit);
        FeedUrls.check(url);
        var parameters = parameters(vendorId, uploads.newKey("order-feeds/" + vendorId), skipLimit);
        parameters.setProperty(ImportExecutions.FEED_URL, url.toString());
        return jobs.start(JOB, parameters);
    }

    private long start(long vendorId, FeedUploads.StoredFeed feed, Integer skipLimit) {
        var parameters = parameters(vendorId, feed.storageKey(), skipLimit);
        if (feed.lines() != null) {
            parameters.setProperty(JobProgress.TOTAL_ROWS, Long.toString(feed.lines()));
        }
        return jobs.start(JOB, parameters);
    }

    private Properties parameters(long vendorId, String storageKey, Integer skipLimit) {
        var parameters = new Properties();
        ImportExecutions.putSkipLimit(parameters, skipLimit);
        parameters.setProperty(ImportExecutions.VENDOR_ID, Long.toString(vendorId));
        parameters.setProperty("storageKey", storageKey);
        parameters.setProperty("chunkSize", Integer.toString(chunkSize));
        return parameters;
    }

    /** The import's newest execution, only if it is this vendor's order import. */
    public Optional<JobExecutionView> find(long vendorId, long importId) {
        return jobs.latestExecution(importId).filter(ImportExecutions.of(JOB, vendorId));
    }

    /** Writes the rejected lines and warnings of an import found with {@link #find} as CSV. */
    public void writeRejects(JobExecutionView execution, Writer out) {
        issues.writeReport(execution, out);
    }
}
