package dev.orion.operations.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A schedule: which task runs when (an EJB calendar expression in a time zone), with which parameters, and what
 * happens to a firing missed while no server was up. Every change raises {@code revision}; the persistent
 * timer of the current revision is the only one that runs the task.
 */
@Entity
@Table(name = "schedules")
public class Schedule {

    public enum MisfirePolicy { RUN_ONCE, SKIP }

    @Id
    private Long id;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(nullable = false, updatable = false)
    private String task;

    @Column(nullable = false) private String second;
    @Column(nullable = false) private String minute;
    @Column(nullable = false) private String hour;
    @Column(name = "day_of_month", nullable = false) private String dayOfMonth;
    @Column(nullable = false) private String month;
    @Column(name = "day_of_week", nullable = false) private String dayOfWeek;
    @Column(nullable = false) private String year;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(nullable = false)
    private boolean enabled;

    @Column(nullable = false)
    private String parameters;

    @Enumerated(EnumType.STRING)
    @Column(name = "misfire_policy", nullable = false)
    private MisfirePolicy misfirePolicy;

    @Column(nullable = false)
    private long revision;

    @Column(name = "timer_revision", nullable = false)
    private long timerRevision;

    @Column(name = "next_run_at")
    private OffsetDateTime nextRunAt;

    @Column(name = "last_run_at")
    private OffsetDateTime lastRunAt;

    @Column(name = "last_outcome")
    private String lastOutcome;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Schedule() {
    }

    /** The schedule's settings, as a change would set them. */
    public ScheduleChange settings() {
        return new ScheduleChange(second, minute, hour, dayOfMonth, month, dayOfWeek, year, timeZone, enabled,
                parameters, misfirePolicy);
    }

    /** Applies a change; any change needs a new timer, so the revision moves on. */
    void change(ScheduleChange change) {
        second = change.second();
        minute = change.minute();
        hour = change.hour();
        dayOfMonth = change.dayOfMonth();
        month = change.month();
        dayOfWeek = change.dayOfWeek();
        year = change.year();
        timeZone = change.timeZone();
        enabled = change.enabled();
        parameters = change.parameters();
        misfirePolicy = change.misfirePolicy();
        touch();
    }

    void enable(boolean value) {
        enabled = value;
        touch();
    }

    private void touch() {
        revision++;
        updatedAt = OffsetDateTime.now();
    }

    /** The timer of the current revision was created (or, disabled, none is wanted); it fires next at {@code next}. */
    void timerInstalled(OffsetDateTime next) {
        timerRevision = revision;
        nextRunAt = next;
    }

    void ranAt(OffsetDateTime at, OffsetDateTime next) {
        lastRunAt = at;
        nextRunAt = next;
    }

    void finished(String outcome) {
        lastOutcome = outcome;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getTask() { return task; }
    public String getSecond() { return second; }
    public String getMinute() { return minute; }
    public String getHour() { return hour; }
    public String getDayOfMonth() { return dayOfMonth; }
    public String getMonth() { return month; }
    public String getDayOfWeek() { return dayOfWeek; }
    public String getYear() { return year; }
    public String getTimeZone() { return timeZone; }
    public boolean isEnabled() { return enabled; }
    public String getParameters() { return parameters; }
    public MisfirePolicy getMisfirePolicy() { return misfirePolicy; }
    public long getRevision() { return revision; }
    public long getTimerRevision() { return timerRevision; }
    public OffsetDateTime getNextRunAt() { return nextRunAt; }
    public OffsetDateTime getLastRunAt() { return lastRunAt; }
    public String getLastOutcome() { return lastOutcome; }
}
