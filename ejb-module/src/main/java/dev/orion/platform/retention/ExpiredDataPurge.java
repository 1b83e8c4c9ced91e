package dev.orion.platform.retention;

import java.time.OffsetDateTime;

/**
 * Data a capability keeps only for a while. Each capability implements this once, as a CDI bean in its own
 * {@code application} package, and deletes only its own rows; housekeeping calls every implementation in one
 * transaction, so nobody deletes another capability's data.
 */
public interface ExpiredDataPurge {

    /** Deletes what has outlived its retention at {@code now}, in the caller's transaction. */
    Purged purgeExpired(OffsetDateTime now);

    /** How many rows went, and what they were, in the plural-tolerant form of the summary ("sent email(s)"). */
    record Purged(int count, String what) {

        @Override
        public String toString() {
            return count + " " + what;
        }
    }
}
