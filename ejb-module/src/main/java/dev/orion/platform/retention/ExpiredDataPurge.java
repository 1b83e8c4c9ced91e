package dev.orion.platform.retention;

import java.time.OffsetDateTime;

/**
 * Data a capability keeps only for a while. Each capability implements this once, as a CDI bean in its own
 * {@code application} package, and deletes only its own rows. Housekeeping calls every implementation again and
 * again, each call in a transaction of its own, until a call deletes fewer rows than it was allowed to: a large
 * backlog goes in small batches, never in one long transaction.
 */
public interface ExpiredDataPurge {

    /**
     * Deletes at most {@code limit} rows (a batch) of what has outlived its retention at {@code now}, in the
     * caller's transaction.
     */
    Purged purgeExpired(OffsetDateTime now, int limit);

    /**
     * Purges of a later pass run after those of an earlier one; a purge that removes what others look their data up
     * by (the job repository) runs last, so they still find theirs.
     */
    default int pass() {
        return 0;
    }

    /** How many rows went, and what they were, in the plural-tolerant form of the summary ("sent email(s)"). */
    record Purged(int count, String what) {

        public Purged plus(Purged batch) {
            return new Purged(count + batch.count, what);
        }

        @Override
        public String toString() {
            return count + " " + what;
        }
    }
}
