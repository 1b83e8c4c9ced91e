package dev.orion.catalog.application;

/**
 * A vendor's feed sync as it is set: the feed URL, its format ({@code auto} or one of
 * {@link dev.orion.catalog.domain.FeedSubscription#FORMATS}), the import mode, when it runs, whether it is paused,
 * and credentials: null keeps the stored ones, type {@code none} removes them.
 */
public record FeedSyncSettings(String url, String format, String mode, SyncSchedule schedule, Boolean paused,
                               FeedCredentials credentials) {

    /** An EJB calendar expression; a field left out takes the default (every hour at minute 0, UTC). */
    public record SyncSchedule(String second, String minute, String hour, String dayOfMonth, String month,
                           String dayOfWeek, String year, String timeZone) {
    }

    /** HTTP basic ({@code username}, {@code password}) or one request header ({@code name}, {@code value}). */
    public record FeedCredentials(String type, String username, String password, String name, String value) {
    }
}
