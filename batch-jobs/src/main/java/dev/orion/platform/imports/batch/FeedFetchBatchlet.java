package dev.orion.platform.imports.batch;

import dev.orion.platform.InvalidRequestException;
import dev.orion.platform.imports.FeedUnavailableException;
import dev.orion.platform.imports.FeedUploads;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.util.logging.Logger;

/**
 * An import's first step: a feed named by URL is fetched here, in the job and never in the request that started
 * it, into storage at the job's {@code storageKey}; an uploaded feed is there already and the step does nothing.
 * The lines fetched, less {@code headerLines}, are the step's persistent user data: the rows to expect, for
 * progress. A fetch that fails ends the import FAILED with the one message a tenant may see; the real reason goes
 * to the operator's log, on one WARN line.
 */
@Named
@Dependent
public class FeedFetchBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(FeedFetchBatchlet.class.getName());

    /** The step's exit status when the fetch failed, for operators reading the steps of an execution. */
    static final String NOT_FETCHED = "FEED_NOT_FETCHED";

    @Inject
    @BatchProperty
    String feedUrl;

    @Inject
    @BatchProperty
    String storageKey;

    @Inject
    @BatchProperty
    String headerLines;

    @Inject
    @BatchProperty
    String vendorId;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    FeedUploads uploads;

    @Override
    public String process() {
        if (feedUrl == null || feedUrl.isBlank()) {
            return "UPLOADED";
        }
        try {
            FeedUploads.StoredFeed feed = uploads.fetchInto(storageKey, URI.create(feedUrl));
            if (feed.lines() != null) {
                step.setPersistentUserData(Math.max(0, feed.lines() - header()));
            }
            return "FETCHED";
        } catch (FeedUnavailableException e) {
            LOG.warning(() -> "Feed of " + job.getJobName() + " execution " + job.getExecutionId() + " (vendor " + vendorId
                    + ") not fetched from " + feedUrl + ": " + e.operatorReason());
            throw failed(e.getMessage(), e);
        } catch (InvalidRequestException e) {
            // the server answered, and what it sent is no feed (empty, binary): the tenant can fix that
            LOG.warning(() -> "Feed of " + job.getJobName() + " execution " + job.getExecutionId() + " (vendor " + vendorId
                    + ") fetched from " + feedUrl + " refused: " + e.getMessage());
            throw failed(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "Feed of " + job.getJobName() + " execution " + job.getExecutionId() + " has no valid URL: " + feedUrl);
            throw failed(FeedUnavailableException.NOT_FETCHED, e);
        }
    }

    private RuntimeException failed(String status, RuntimeException e) {
        step.setExitStatus(NOT_FETCHED);
        job.setExitStatus(status);
        return e instanceof FeedUnavailableException ? e : FeedUnavailableException.notFetched(status);
    }

    private long header() {
        return headerLines == null || headerLines.isBlank() ? 0 : Long.parseLong(headerLines);
    }
}
