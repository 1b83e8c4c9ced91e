package dev.orion.platform.imports;

import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.InvalidRequestException;
import java.util.function.Predicate;

/** What both import jobs share at their start and when they are looked up: the vendor, and the skip limit. */
public final class ImportExecutions {

    public static final String VENDOR_ID = "vendorId";

    /** The URL the job fetches its feed from (its first step, fetch-feed), when the feed was not uploaded. */
    public static final String FEED_URL = "feedUrl";

    /** The job's first step: fetches the feed at {@link #FEED_URL} into storage, or does nothing for an upload. */
    public static final String FETCH_STEP = "fetch-feed";

    private ImportExecutions() {
    }

    public static final int MAX_SKIP_LIMIT = 1_000_000;

    /** A skip limit a caller chose must be 0 (no rejected row tolerated) to {@value #MAX_SKIP_LIMIT}. */
    public static void checkSkipLimit(Integer skipLimit) {
        if (skipLimit != null && (skipLimit < 0 || skipLimit > MAX_SKIP_LIMIT)) {
            throw new InvalidRequestException("skip_limit must be from 0 to " + MAX_SKIP_LIMIT + ", was " + skipLimit);
        }
    }

    /** The job parameter both import jobs read (their default, when absent, is 1000). */
    public static void putSkipLimit(java.util.Properties parameters, Integer skipLimit) {
        if (skipLimit != null) {
            parameters.setProperty("skipLimit", skipLimit.toString());
        }
    }

    public static Predicate<JobExecutionView> of(String jobName, long vendorId) {
        return e -> jobName.equals(e.jobName()) && Long.toString(vendorId).equals(e.parameters().get(VENDOR_ID));
    }
}
