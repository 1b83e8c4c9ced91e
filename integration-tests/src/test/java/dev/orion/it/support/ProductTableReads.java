package dev.orion.it.support;

/**
 * How many rows PostgreSQL has handed out of the products table so far: sequential-scan rows plus index entries
 * read (pg_stat_user_tables / pg_stat_user_indexes). The difference around one console request is what that
 * request read, which proves it fetched a page and not the catalogue. Backends publish these counters when they
 * go idle, at most {@value #PUBLISH_DELAY_MS} ms late (PostgreSQL 15+: PGSTAT_IDLE_INTERVAL is 10 s), so every
 * reading first waits that long; tests must not run other work on products meanwhile.
 */
public final class ProductTableReads {

    static final long PUBLISH_DELAY_MS = 11_000;

    private ProductTableReads() {
    }

    public static long settledTotal() {
        try {
            Thread.sleep(PUBLISH_DELAY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Long.parseLong(TestData.queryString(
                "SELECT coalesce((SELECT seq_tup_read FROM pg_stat_user_tables WHERE schemaname = 'orion' AND relname = 'products'), 0)"
                        + " + coalesce((SELECT sum(idx_tup_read) FROM pg_stat_user_indexes WHERE schemaname = 'orion' AND relname = 'products'), 0)"));
    }
}
