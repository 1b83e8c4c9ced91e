package dev.orion.operations.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One firing or manual run of a schedule: where it ran, when, and how it ended (or why it was skipped). */
@Entity
@Table(name = "schedule_runs")
public class ScheduleRun {

    public enum Trigger { TIMER, MANUAL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "schedule_id", nullable = false, updatable = false)
    private Long scheduleId;

    @Column(nullable = false, updatable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Trigger trigger;

    @Column(nullable = false, updatable = false)
    private String node;

    @Column(name = "started_at", nullable = false, updatable = false)
    private OffsetDateTime startedAt = OffsetDateTime.now();

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(nullable = false)
    private String outcome = "RUNNING";

    private String detail;

    protected ScheduleRun() {
    }

    ScheduleRun(long scheduleId, Trigger trigger, String node) {
        this.scheduleId = scheduleId;
        this.trigger = trigger;
        this.node = node;
    }

    static ScheduleRun skipped(long scheduleId, Trigger trigger, String node, String why) {
        var run = new ScheduleRun(scheduleId, trigger, node);
        run.finish("SKIPPED", why);
        return run;
    }

    void finish(String result, String text) {
        outcome = result;
        detail = text;
        finishedAt = OffsetDateTime.now();
    }

    public Long getId() { return id; }
    public Long getScheduleId() { return scheduleId; }
    public Trigger getTrigger() { return trigger; }
    public String getNode() { return node; }
    public OffsetDateTime getStartedAt() { return startedAt; }
    public OffsetDateTime getFinishedAt() { return finishedAt; }
    public String getOutcome() { return outcome; }
    public String getDetail() { return detail; }
}
