package dev.orion.platform.maintenance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One run of a background task, kept so operators can see what ran, where, and how it ended. */
@Entity
@Table(name = "task_runs")
public class TaskRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String task;

    @Column(nullable = false, updatable = false)
    private String node;

    @Column(name = "started_at", nullable = false, updatable = false)
    private OffsetDateTime startedAt = OffsetDateTime.now();

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(nullable = false)
    private String outcome = "RUNNING";

    private String detail;

    protected TaskRun() {
    }

    public TaskRun(String task, String node) {
        this.task = task;
        this.node = node;
    }

    public void succeeded(String summary) {
        finish("SUCCEEDED", summary);
    }

    public void failed(String error) {
        finish("FAILED", error);
    }

    private void finish(String result, String text) {
        outcome = result;
        detail = text;
        finishedAt = OffsetDateTime.now();
    }

    public Long getId() { return id; }
    public String getTask() { return task; }
    public String getOutcome() { return outcome; }
    public String getDetail() { return detail; }
    public OffsetDateTime getStartedAt() { return startedAt; }
    public OffsetDateTime getFinishedAt() { return finishedAt; }
}
