package dev.orion.catalog.application;

import dev.orion.catalog.infrastructure.HttpFeedDownloader;
import dev.orion.platform.InvalidRequestException;
import dev.orion.platform.batch.BatchJobs;
import dev.orion.platform.batch.JobExecutionView;
import dev.orion.platform.batch.JobProgress;
import dev.orion.platform.storage.StorageBackend;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Accepts a product feed (uploaded, or fetched from a URL), keeps it in storage and starts the
 * {@code product-import} job on it. An import's id is its first job execution's id; after a restart the
 * import is followed through the newest execution of the same job instance.
 */
@Stateless
public class ProductImports {

    public static final String JOB = "product-import";

    @EJB
    BatchJobs jobs;

    @EJB
    ImportIssues issues;

    @Inject
    StorageBackend storage;

    @Inject
    HttpFeedDownloader downloader;

    /** Rows per chunk transaction: large enough for batched writes, small enough to restart cheaply. */
    @Inject
    @ConfigProperty(name = "orion.import.chunk-size", defaultValue = "500")
    int chunkSize;

    /** How an import treats the vendor's products that are not in the feed: left alone, or made unavailable. */
    public static final java.util.List<String> MODES = java.util.List.of("update", "full");

    public long start(long vendorId, InputStream upload, String mode) {
        checkMode(mode);
        String key = "uploads/" + vendorId + "/" + UUID.randomUUID() + ".feed";
        Long lines;
        try (var feed = new BufferedInputStream(upload, 65536); var out = storage.create(key)) {
            boolean gzipped = FeedFiles.isGzip(feed);
            if (!gzipped && FeedFiles.looksBinary(feed)) {
                throw new InvalidRequestException("The feed is not a text file (it holds NUL bytes); send TSV, CSV or XML, gzipped or not");
            }
            boolean xml = !gzipped && FeedFiles.looksLikeXml(feed);
            var counting = new LineCountingInputStream(feed);
            if (counting.transferTo(out) == 0) {
                throw new InvalidRequestException("The feed is empty");
            }
            // rows are lines in a TSV or CSV feed; a gzipped feed's lines are only known once unpacked, XML has items
            lines = gzipped || xml ? null : counting.lines();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the feed", e);
        }
        var parameters = new Properties();
        parameters.setProperty("vendorId", Long.toString(vendorId));
        parameters.setProperty("storageKey", key);
        parameters.setProperty("chunkSize", Integer.toString(chunkSize));
        parameters.setProperty("mode", mode);
        if (lines != null) {
            parameters.setProperty(JobProgress.TOTAL_ROWS, Long.toString(Math.max(0, lines - 1))); // less the header
        }
        return jobs.start(JOB, parameters);
    }

    public long startFromUrl(long vendorId, URI url, String mode) {
        checkMode(mode);
        try (InputStream feed = downloader.open(url)) {
            return start(vendorId, feed, mode);
        } catch (IOException e) {
            throw new FeedUnavailableException("Could not read " + url + ": " + e.getMessage());
        }
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
        return jobs.latestExecution(importId)
                .filter(e -> JOB.equals(e.jobName()))
                .filter(e -> Long.toString(vendorId).equals(e.parameters().get("vendorId")));
    }

    /** Writes the rejected rows and warnings of an import found with {@link #find} as CSV. */
    public void writeRejects(JobExecutionView execution, Writer out) {
        issues.writeCsv(execution.instanceId(), out);
    }
}
