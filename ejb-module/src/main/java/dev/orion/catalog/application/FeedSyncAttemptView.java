package dev.orion.catalog.application;

import dev.orion.catalog.domain.FeedSyncAttempt;
import java.time.OffsetDateTime;

/** One sync attempt in a vendor's history. */
public record FeedSyncAttemptView(long id, OffsetDateTime attemptedAt, String outcome, Integer httpStatus, Long bytes,
                                  Long jobId, String error) implements java.io.Serializable {

    static FeedSyncAttemptView of(FeedSyncAttempt a) {
        return new FeedSyncAttemptView(a.getId(), a.getAttemptedAt(), a.getOutcome(), a.getHttpStatus(), a.getBytes(),
                a.getJobId(), a.getError());
    }
}
