package dev.orion.catalog.application;

import java.time.OffsetDateTime;

/**
 * A vendor's feed sync as the API and the console show it. Credentials are never shown: only their type and
 * that they are set.
 */
public record FeedSyncView(long vendorId, String url, String format, String mode, FeedSyncSettings.SyncSchedule schedule,
                           boolean paused, OffsetDateTime nextRunAt, OffsetDateTime lastRunAt, CredentialsSet credentials,
                           OffsetDateTime updatedAt) {

    public record CredentialsSet(String type, boolean set) {
    }
}
