package dev.orion.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One sync of a vendor's feed: FETCHED (a changed feed, import {@code jobId} started), SKIPPED (unchanged: a 304,
 * or the same bytes as last time) or FAILED ({@code error}, in words the vendor may read).
 */
@Entity
@Table(name = "feed_sync_attempts")
public class FeedSyncAttempt {

    public enum Outcome { FETCHED, SKIPPED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "vendor_id", nullable = false, updatable = false)
    private long vendorId;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    private OffsetDateTime attemptedAt;

    @Column(nullable = false, updatable = false)
    private String outcome;

    @Column(name = "http_status", updatable = false)
    private Integer httpStatus;

    @Column(updatable = false)
    private Long bytes;

    @Column(name = "job_id", updatable = false)
    private Long jobId;

    @Column(updatable = false, length = 1000)
    private String error;

    protected FeedSyncAttempt() {
    }

    public FeedSyncAttempt(long vendorId, OffsetDateTime attemptedAt, Outcome outcome, Integer httpStatus, Long bytes,
                           Long jobId, String error) {
        this.vendorId = vendorId;
        this.attemptedAt = attemptedAt;
        this.outcome = outcome.name();
        this.httpStatus = httpStatus;
        this.bytes = bytes;
        this.jobId = jobId;
        this.error = error == null || error.length() <= 1000 ? error : error.substring(0, 999) + "…";
    }

    public Long getId() { return id; }
    public long getVendorId() { return vendorId; }
    public OffsetDateTime getAttemptedAt() { return attemptedAt; }
    public String getOutcome() { return outcome; }
    public Integer getHttpStatus() { return httpStatus; }
    public Long getBytes() { return bytes; }
    public Long getJobId() { return jobId; }
    public String getError() { return error; }
}
