package dev.orion.operations.alerts.domain;

/** What a rule watches, and the unit its value and threshold are in. */
public enum AlertKind {

    /** Batch job executions that ended FAILED, created in the rule's window. */
    FAILED_JOBS("executions", true),
    /** Emails the outbox gave up on (FAILED rows): dead letters waiting for someone to look. */
    DEAD_LETTERS("emails", false),
    /** How long the oldest email still queued has waited. */
    EMAIL_BACKLOG_AGE("seconds", false),
    /** How far the most overdue enabled schedule is behind its next firing, or how long its run has been going. */
    SCHEDULE_LATE("seconds", false);

    private final String unit;
    private final boolean windowed;

    AlertKind(String unit, boolean windowed) {
        this.unit = unit;
        this.windowed = windowed;
    }

    public String unit() {
        return unit;
    }

    /** Whether the rule's window (minutes back from now) matters for this kind. */
    public boolean windowed() {
        return windowed;
    }
}
