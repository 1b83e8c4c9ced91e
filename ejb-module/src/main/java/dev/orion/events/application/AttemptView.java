package dev.orion.events.application;

import dev.orion.events.domain.DeliveryAttempt;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** One attempt in the delivery log. */
public record AttemptView(int attempt, OffsetDateTime attemptedAt, int durationMs, Integer statusCode,
                          String responseExcerpt, String error, String outcome, Long retryInMs) implements Serializable {

    static AttemptView of(DeliveryAttempt a) {
        return new AttemptView(a.getAttempt(), a.getAttemptedAt(), a.getDurationMs(), a.getStatusCode(),
                a.getResponseExcerpt(), a.getError(), a.getOutcome(), a.getRetryInMs());
    }
}
