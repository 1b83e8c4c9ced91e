package dev.orion.events.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One HTTP attempt of a delivery, as the delivery log shows it; the answer is kept to its first KiB. Its outcome is
 * DELIVERED, FAILED, RETRY (another attempt follows after {@code retryInMs}) or DEAD.
 */
@Entity
@Table(name = "webhook_attempts")
public class DeliveryAttempt {

    public static final int EXCERPT_LIMIT = 1024;
    private static final int ERROR_LIMIT = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "delivery_id", nullable = false, updatable = false)
    private Long deliveryId;

    @Column(nullable = false, updatable = false)
    private int attempt;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    private OffsetDateTime attemptedAt;

    @Column(name = "duration_ms", nullable = false, updatable = false)
    private int durationMs;

    @Column(name = "status_code", updatable = false)
    private Integer statusCode;

    @Column(name = "response_excerpt", updatable = false)
    private String responseExcerpt;

    @Column(updatable = false)
    private String error;

    @Column(nullable = false, updatable = false)
    private String outcome;

    @Column(name = "retry_in_ms", updatable = false)
    private Long retryInMs;

    protected DeliveryAttempt() {
    }

    public DeliveryAttempt(long deliveryId, int attempt, OffsetDateTime attemptedAt, long durationMs, Integer statusCode,
                           String responseExcerpt, String error, String outcome, Long retryInMs) {
        this.deliveryId = deliveryId;
        this.attempt = attempt;
        this.attemptedAt = attemptedAt;
        this.durationMs = (int) Math.min(Integer.MAX_VALUE, durationMs);
        this.statusCode = statusCode;
        this.responseExcerpt = clip(responseExcerpt, EXCERPT_LIMIT);
        this.error = clip(error, ERROR_LIMIT);
        this.outcome = outcome;
        this.retryInMs = retryInMs;
    }

    /** PostgreSQL text holds no NUL; an answer is kept to its limit. */
    private static String clip(String text, int limit) {
        if (text == null) {
            return null;
        }
        String clean = text.replace('\u0000', '\uFFFD');
        return clean.length() <= limit ? clean : clean.substring(0, limit);
    }

    public long getDeliveryId() { return deliveryId; }
    public int getAttempt() { return attempt; }
    public OffsetDateTime getAttemptedAt() { return attemptedAt; }
    public int getDurationMs() { return durationMs; }
    public Integer getStatusCode() { return statusCode; }
    public String getResponseExcerpt() { return responseExcerpt; }
    public String getError() { return error; }
    public String getOutcome() { return outcome; }
    public Long getRetryInMs() { return retryInMs; }
}
