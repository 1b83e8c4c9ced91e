package dev.orion.platform.rest;

import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.jobs.JobProgress;
import java.time.Instant;

/**
 * Where an import (of products or of orders) stands: its newest execution's status, counts and progress. A dry
 * run says so ({@code dryRun} true, else left out) and links its preview; its rows written are the rows compared.
 */
public record ImportStatus(long id, long executionId, String status, String exitStatus, long rowsRead,
                           long rowsWritten, long rowsSkipped, long rowsFiltered, JobProgress progress,
                           Instant createdAt, Instant startedAt, Instant endedAt, String rejectsUrl,
                           Boolean dryRun, String previewUrl) {

    public static ImportStatus of(long id, JobExecutionView e, String rejectsUrl) {
        return of(id, e, rejectsUrl, null);
    }

    /** {@code previewUrl}: where a dry run's preview is; null for an import that is not one. */
    public static ImportStatus of(long id, JobExecutionView e, String rejectsUrl, String previewUrl) {
        return new ImportStatus(id, e.executionId(), e.status(), e.exitStatus(), e.readCount(), e.writeCount(),
                e.skipCount(), e.filterCount(), JobProgress.of(e, Instant.now()), e.createTime(), e.startTime(),
                e.endTime(), rejectsUrl, previewUrl == null ? null : Boolean.TRUE, previewUrl);
    }
}
