package dev.orion.platform.rest;

import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.jobs.JobProgress;
import java.time.Instant;

/**
 * Where an import (of products or of orders) stands: its newest execution's status, counts and progress; while it
 * is QUEUED, its place in its vendor's line of imports ({@code queue_position}, 1: it starts next). A dry run says
 * so ({@code dryRun} true, else left out) and links its preview; its rows written are the rows compared.
 */
@org.eclipse.microprofile.openapi.annotations.media.Schema(example = "{\"id\":57,\"execution_id\":57,\"status\":\"COMPLETED\",\"exit_status\":\"COMPLETED\",\"rows_read\":1200,\"rows_written\":1195,\"rows_skipped\":5,\"rows_filtered\":0,\"created_at\":\"2026-02-01T10:00:00Z\",\"started_at\":\"2026-02-01T10:00:01Z\",\"ended_at\":\"2026-02-01T10:00:09Z\",\"rejects_url\":\"/api/v1/imports/57/rejects\"}")
public record ImportStatus(long id, long executionId, String status, String exitStatus, long rowsRead,
                           long rowsWritten, long rowsSkipped, long rowsFiltered, JobProgress progress,
                           Instant createdAt, Instant startedAt, Instant endedAt, String rejectsUrl, Integer queuePosition,
                           Boolean dryRun, String previewUrl) {

    public static ImportStatus of(long id, JobExecutionView e, String rejectsUrl) {
        return of(id, e, rejectsUrl, null);
    }

    /** {@code previewUrl}: where a dry run's preview is; null for an import that is not one. */
    public static ImportStatus of(long id, JobExecutionView e, String rejectsUrl, String previewUrl) {
        return new ImportStatus(id, e.executionId(), e.status(), e.exitStatus(), e.readCount(), e.writeCount(),
                e.skipCount(), e.filterCount(), JobProgress.of(e, Instant.now()), e.createTime(), e.startTime(),
                e.endTime(), rejectsUrl, e.queuePosition(), previewUrl == null ? null : Boolean.TRUE, previewUrl);
    }
}
