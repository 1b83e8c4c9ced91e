package dev.orion.events.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One event owed to one endpoint. An attempt is due while it is PENDING; each attempt is numbered, and a queue
 * message names the attempt it asks for, so a duplicate message finds that attempt made and does nothing.
 */
@Entity
@Table(name = "webhook_deliveries")
public class Delivery {

    public enum Status { PENDING, DELIVERED, FAILED, DEAD }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    private UUID eventId;

    @Column(name = "endpoint_id", nullable = false, updatable = false)
    private Long endpointId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.PENDING;

    @Column(nullable = false)
    private int attempts;

    /** Automatic retries still allowed after a failure that may pass (a 5xx, a timeout). */
    @Column(name = "retries_left", nullable = false)
    private int retriesLeft;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt = OffsetDateTime.now();

    protected Delivery() {
    }

    public Delivery(UUID eventId, long endpointId, int retries) {
        this.eventId = eventId;
        this.endpointId = endpointId;
        this.retriesLeft = retries;
        this.nextAttemptAt = OffsetDateTime.now();
    }

    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }

    /** Whether attempt number {@code attempt} (counted from 1) is the one due now. */
    public boolean awaits(int attempt) {
        return status == Status.PENDING && attempts + 1 == attempt;
    }

    public int nextAttempt() {
        return attempts + 1;
    }

    public void delivered() {
        end(Status.DELIVERED);
    }

    /** Failed for good: the endpoint refused (a 4xx) or is disabled. */
    public void failed() {
        end(Status.FAILED);
    }

    /**
     * Failed in a way that may pass: retried after the next delay of {@code schedule} while retries are left,
     * otherwise dead.
     *
     * @return the delay before the next attempt; empty when the delivery is dead
     */
    public Optional<Duration> failedForNow(List<Duration> schedule, OffsetDateTime now) {
        if (retriesLeft <= 0) {
            end(Status.DEAD);
            return Optional.empty();
        }
        Duration delay = schedule.get(Math.max(0, Math.min(schedule.size() - retriesLeft, schedule.size() - 1)));
        retriesLeft--;
        attempts++;
        nextAttemptAt = now.plus(delay);
        return Optional.of(delay);
    }

    /** Asked for again (same event, new attempt): one attempt now, no automatic retries after it. */
    public void redeliver() {
        status = Status.PENDING;
        retriesLeft = 0;
        nextAttemptAt = OffsetDateTime.now();
    }

    /**
     * Its attempt's message was lost (the broker dead-lettered it, or it never left): the same attempt is queued again,
     * due now; a message for it still on its way is then a duplicate, which {@link #awaits} turns away.
     */
    public void requeued(OffsetDateTime now) {
        nextAttemptAt = now;
    }

    private void end(Status outcome) {
        attempts++;
        status = outcome;
        nextAttemptAt = null;
    }

    public Long getId() { return id; }
    public UUID getEventId() { return eventId; }
    public long getEndpointId() { return endpointId; }
    public Status getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public OffsetDateTime getNextAttemptAt() { return nextAttemptAt; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
