package dev.orion.catalog.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orion.catalog.application.ProductUpsert;
import dev.orion.catalog.domain.Availability;
import dev.orion.platform.domain.Money;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The import's COPY-and-merge against the real PostgreSQL, in a throwaway schema migrated by Orion's migrations. */
class ProductBulkUpsertTest {

    private static final String URL = System.getenv().getOrDefault("ORION_DB_URL", "jdbc:postgresql://127.0.0.1:5432/orion");
    private static final String USER = System.getenv().getOrDefault("ORION_DB_USER", "orion");
    private static final String PASSWORD = System.getenv().getOrDefault("ORION_DB_PASSWORD", "orion");

    private final String schema = "bulk_upsert_test_" + UUID.randomUUID().toString().substring(0, 8);
    private Connection connection;
    private long vendor;

    @BeforeEach
    void migrate() throws SQLException {
        Flyway.configure().dataSource(URL, USER, PASSWORD).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").load().migrate();
        connection = DriverManager.getConnection(URL, USER, PASSWORD);
        connection.createStatement().execute("SET search_path = " + schema);
        connection.setAutoCommit(false);
        vendor = Long.parseLong(scalar("INSERT INTO vendors (code, name) VALUES ('v', 'Vendor') RETURNING id"));
        connection.commit();
    }

    @AfterEach
    void drop() throws SQLException {
        connection.rollback();
        connection.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
        connection.commit();
        connection.close();
    }

    @Test
    void anUnchangedRowIsLeftUntouchedAndAChangedOneMovesItsVersionButKeepsItsCreation() throws SQLException {
        assertEquals(2, chunk(null, product("A", "10.00", 3, Availability.IN_STOCK), product("B", "20.00", 4, null)));
        execute("UPDATE products SET created_at = '2020-01-01', updated_at = '2020-01-01'");
        connection.commit();

        assertEquals(1, chunk(null, product("A", "10.00", 3, Availability.IN_STOCK), product("B", "21.00", 4, null)));

        assertEquals("0|2020-01-01", scalar("SELECT version || '|' || updated_at::date FROM products WHERE sku = 'A'"));
        assertEquals("1|2020-01-01|21.00", scalar("SELECT version || '|' || created_at::date || '|' || price_amount FROM products WHERE sku = 'B'"));
        assertEquals("t", scalar("SELECT updated_at > '2021-01-01' FROM products WHERE sku = 'B'"));
    }

    /**
     * An unchanged row is passed over before ON CONFLICT, which would lock it (and log the lock): so a chunk that
     * names a product someone is editing waits for them only if it changes that product.
     */
    @Test
    void anUnchangedRowIsNotLockedSoTheChunkDoesNotWaitForSomeoneEditingIt() throws SQLException {
        chunk(null, product("A", "1.00", 1, Availability.IN_STOCK), product("B", "2.00", 2, Availability.IN_STOCK));
        try (Connection editor = DriverManager.getConnection(URL, USER, PASSWORD)) {
            editor.setAutoCommit(false);
            editor.createStatement().execute("SELECT 1 FROM " + schema + ".products WHERE sku = 'A' FOR UPDATE");
            execute("SET lock_timeout = '2s'");

            assertEquals(1, chunk(null, product("A", "1.00", 1, Availability.IN_STOCK), product("B", "2.50", 2, Availability.IN_STOCK)),
                    "A unchanged, so not waited for; B changed");
            SQLException waited = assertThrows(SQLException.class,
                    () -> chunk(null, product("A", "1.10", 1, Availability.IN_STOCK)), "a change to A waits for its editor");
            assertEquals("55P03", waited.getSQLState(), "lock_not_available");
            connection.rollback();
            editor.rollback();
        }
        execute("RESET lock_timeout");
        assertEquals("1.00|0,2.50|1", scalar("SELECT string_agg(price_amount || '|' || version, ',' ORDER BY sku) FROM products"));
    }

    @Test
    void optionalColumnsARowLeavesOutKeepTheirValuesEvenInAChunkOfMixedRows() throws SQLException {
        chunk(null, new ProductUpsert("A", "A", null, null, null, eur("1.00"), 7, Availability.PREORDER, List.of("https://i/a.jpg")),
                new ProductUpsert("B", "B", null, null, null, eur("1.00"), 8, Availability.PREORDER, List.of("https://i/b.jpg")));

        assertEquals(2, chunk(null, new ProductUpsert("A", "A2", null, null, null, eur("1.00"), null, null, null),
                new ProductUpsert("B", "B2", null, null, null, eur("1.00"), 9, null, List.of())));

        assertEquals("A2|7|preorder|{https://i/a.jpg}", scalar("SELECT concat_ws('|', title, stock, availability, image_links) FROM products WHERE sku = 'A'"));
        assertEquals("B2|9|preorder|{}", scalar("SELECT concat_ws('|', title, stock, availability, image_links) FROM products WHERE sku = 'B'"));
    }

    @Test
    void aNewRowWithoutOptionalColumnsTakesTheDefaults() throws SQLException {
        chunk(null, new ProductUpsert("N", "New", null, null, null, eur("1.00"), null, null, null));
        assertEquals("0|in_stock|{}", scalar("SELECT concat_ws('|', stock, availability, image_links) FROM products WHERE sku = 'N'"));
    }

    @Test
    void textArrivesExactlyWhateverCharactersItCarries() throws SQLException {
        String text = "tab\there, line\nbreak, \\N, back\\slash, \"quotes\", {braces}, 'apostrophe', émoji 🎒\r";
        List<String> images = List.of("https://i/a,b.jpg", "https://i/\"q\"\\.jpg", "NULL");
        chunk(null, new ProductUpsert("T", text, text, text, null, eur("1.00"), null, null, images));

        assertEquals(text, scalar("SELECT title FROM products WHERE sku = 'T'"));
        assertEquals(text, scalar("SELECT description FROM products WHERE sku = 'T'"));
        assertEquals("3|https://i/\"q\"\\.jpg|NULL|f", scalar("SELECT concat_ws('|', cardinality(image_links), image_links[2],"
                + " image_links[3], image_links[3] IS NULL) FROM products WHERE sku = 'T'"));
    }

    /** COPY's binary format carries each value in its type's own encoding: numerics of every shape, the largest stock, no images. */
    @Test
    void numbersOfEveryScaleAndAnEmptyImageListArriveAsSent() throws SQLException {
        String[] prices = {"0", "0.00", "0.5", "1", "10000", "1E+4", "123456.7", "999999999999.99"};
        var items = new java.util.ArrayList<ProductUpsert>();
        for (int i = 0; i < prices.length; i++) {
            items.add(new ProductUpsert("P" + i, "Priced", null, null, null, eur(prices[i]), i == 7 ? Integer.MAX_VALUE : i * 1_000, null, List.of()));
        }
        chunk(null, items.toArray(ProductUpsert[]::new));

        assertEquals("0.00,0.00,0.50,1.00,10000.00,10000.00,123456.70,999999999999.99", scalar("SELECT string_agg(price_amount::text, ',' ORDER BY sku) FROM products"));
        assertEquals("2147483647|0|{}", scalar("SELECT max(stock) || '|' || max(cardinality(image_links)) || '|' || min(image_links::text)"
                + " FROM products"));
    }

    @Test
    void anUpsertLeavesHowItsTransactionCommitsToItsCaller() throws SQLException {
        execute("SET synchronous_commit = on"); // the session's setting, whatever the server's
        ProductBulkUpsert.upsert(connection, vendor, List.of(product("W", "1.00", 1, null)), null, 5L);
        ProductBulkUpsert.preview(connection, vendor, List.of(product("X", "1.00", 1, null)), 6L, true, 1);

        assertEquals("on", scalar("SHOW synchronous_commit"), "a caller outside a chunk must get a durable commit");
        connection.commit();
        assertEquals("1", scalar("SELECT count(*) FROM products WHERE sku = 'W'"));
    }

    /** Not an assertion of speed: the chunk's transaction is never JIT-compiled, and the pooled connection keeps its setting. */
    @Test
    void aChunkIsNotJitCompiledAndTheConnectionKeepsItsSetting() throws SQLException {
        execute("SET jit = on");
        ProductBulkUpsert.upsert(connection, vendor, List.of(product("J", "1.00", 1, null)), null, 5L);
        assertEquals("off", scalar("SHOW jit"), "for the chunk's transaction");
        connection.commit();
        assertEquals("on", scalar("SHOW jit"), "after it");
    }

    @Test
    void aChunkLargerThanTheCopyBufferArrivesWhole() throws SQLException {
        var items = new java.util.ArrayList<ProductUpsert>();
        for (int i = 0; i < 2_000; i++) {
            items.add(new ProductUpsert("L-" + i, "Title " + i, "x".repeat(100) + " é " + i, "Brand", null, eur("1.00"), i, null,
                    List.of("https://i/" + i + ".jpg")));
        }
        assertEquals(2_000, chunk(null, items.toArray(ProductUpsert[]::new)));
        assertEquals("2000|1999|{https://i/1999.jpg}", scalar("SELECT count(*) || '|' || max(stock) || '|' || max(image_links::text)"
                + " FILTER (WHERE sku = 'L-1999') FROM products"));
    }

    @Test
    void theLaterRowOfATwiceNamedSkuWins() throws SQLException {
        assertEquals(1, chunk(null, product("D", "1.00", 1, null), product("D", "2.00", 2, null)));
        assertEquals("2.00|2", scalar("SELECT price_amount || '|' || stock FROM products WHERE sku = 'D'"));
    }

    @Test
    void aFullImportRecordsEverySkuItSawEvenUnchangedOnesAndTheStagingEmptiesAtCommit() throws SQLException {
        chunk(null, product("A", "1.00", 1, null));
        chunk(42L, product("A", "1.00", 1, null), new ProductUpsert("B", "B", null, null, null, eur("1.00"), null, null, null));
        chunk(42L, product("C", "1.00", 1, null));

        assertEquals("A,B,C", scalar("SELECT string_agg(sku, ',' ORDER BY sku) FROM import_seen_skus WHERE job_instance_id = 42"));
        assertEquals("0", scalar("SELECT count(*) FROM product_import_staging"));
    }

    @Test
    void aDryRunCountsWhatTheMergeWouldDoFieldByFieldWritesNoProductAndKeepsTheFirstChanges() throws SQLException {
        chunk(null, product("A", "1.00", 1, Availability.IN_STOCK), product("B", "2.00", 2, null), product("C", "3.00", 3, null));
        String before = scalar("SELECT string_agg(concat_ws('|', sku, title, price_amount, stock, availability, version), ',' ORDER BY sku) FROM products");

        ProductBulkUpsert.preview(connection, vendor, List.of(product("A", "1.00", 1, Availability.IN_STOCK),
                product("B", "2.50", 2, Availability.PREORDER), new ProductUpsert("C", "Title C", "About C", "Brand", null, eur("3.00"), null, null, null)),
                7L, true, 2);
        connection.commit();
        ProductBulkUpsert.preview(connection, vendor, List.of(product("N", "9.00", null, null), product("M", "8.00", null, null)), 7L, true, 2);
        connection.commit();

        assertEquals(before, scalar("SELECT string_agg(concat_ws('|', sku, title, price_amount, stock, availability, version), ',' ORDER BY sku) FROM products"));
        assertEquals("2|1|2|1|0|1|0", scalar("SELECT concat_ws('|', created, changed, unchanged, changed_price, changed_title,"
                + " changed_availability, changed_stock) FROM import_previews WHERE job_instance_id = 7"),
                "C leaves stock and availability out: they would keep their values, so C is unchanged");
        assertEquals("B|changed|\"2.00 EUR\"|\"2.50 EUR\",M|created|\"8.00 EUR\"", scalar("SELECT string_agg(concat_ws('|', sku, kind,"
                + " before_values->'price', after_values->'price'), ',' ORDER BY id) FROM import_preview_samples WHERE job_instance_id = 7"),
                "the first two changes only");
        assertEquals("A,B,C,M,N", scalar("SELECT string_agg(sku, ',' ORDER BY sku) FROM import_seen_skus WHERE job_instance_id = 7"));
    }

    @Test
    void aChunkRecordsForARevertThePriorValuesOfTheRowsItChangesTheSkusItCreatesAndTheVersionsItLeaves() throws SQLException {
        chunk(null, product("A", "1.00", 1, Availability.IN_STOCK), product("B", "2.00", 2, Availability.PREORDER), product("U", "3.00", 3, null));

        assertEquals(4, revertChunk(9L, product("A", "1.50", 1, Availability.IN_STOCK), product("B", "2.00", 5, null),
                product("U", "3.00", 3, null), product("N", "4.00", null, null), new ProductUpsert("M", "M", null, null, null, eur("1.00"), 1, null, null)));
        assertEquals(1, revertChunk(9L, product("A", "1.75", 1, Availability.IN_STOCK)), "a SKU written again by a later chunk");

        assertEquals("A|f|1.00|1|in_stock|2,B|f|2.00|2|preorder|1", scalar("SELECT string_agg(concat_ws('|', sku, created,"
                + " price_amount, stock, availability, version_after), ',' ORDER BY sku) FROM import_revert_rows WHERE job_instance_id = 9"),
                "U is unchanged, so not recorded; A keeps its values from before the import and the version of its last write");
        assertEquals("M,N", scalar("SELECT string_agg(sku, ',' ORDER BY sku) FROM import_revert_created c, unnest(c.skus) AS sku"
                + " WHERE job_instance_id = 9"), "the created SKUs: no values, one row per merge statement (M carries stock, N not)");
        assertEquals("2", scalar("SELECT string_agg(version::text, ',') FROM products WHERE sku = 'A'"));
        assertEquals(vendor + "|true", scalar("SELECT vendor_id || '|' || (reverted_at IS NULL) FROM import_revert_data WHERE job_instance_id = 9"));
    }

    @Test
    void aProductTheImportCreatedStaysCreatedWhateverItsLaterChunksDoWithTheVersionOfItsLastWrite() throws SQLException {
        revertChunk(9L, product("N", "1.00", 1, null), product("K", "1.00", 1, null), product("Z", "1.00", 1, null));
        assertEquals(2, revertChunk(9L, product("N", "1.50", 1, null), product("K", "1.00", 1, null), product("Z", "1.50", 1, null)));
        assertEquals(1, revertChunk(9L, product("N", "1.75", 1, null)));
        execute("DELETE FROM products WHERE sku = 'Z'"); // someone else, between two chunks of the import
        connection.commit();
        assertEquals(1, revertChunk(9L, product("Z", "2.00", 1, null)), "created again");

        assertEquals("K|t|0,N|t|2|1.00,Z|t|0|1.00", revertRowsAsARevertReadsThem(9L), "values of a created one are not read");
    }

    @Test
    void aProductTheImportChangedThenCreatedAgainAfterSomeoneDeletedItKeepsItsValuesFromBeforeTheImport() throws SQLException {
        chunk(null, product("X", "1.00", 1, Availability.IN_STOCK), product("Y", "1.00", 1, Availability.IN_STOCK));
        revertChunk(9L, product("X", "2.00", 1, Availability.IN_STOCK), product("Y", "2.00", 1, Availability.IN_STOCK));
        execute("DELETE FROM products WHERE sku IN ('X', 'Y')"); // someone else, between two chunks of the import
        connection.commit();
        assertEquals(2, revertChunk(9L, product("X", "3.00", 1, Availability.IN_STOCK), product("Y", "3.00", 1, Availability.IN_STOCK)));
        assertEquals(1, revertChunk(9L, product("Y", "4.00", 1, Availability.IN_STOCK)));

        assertEquals("X|f|0|1.00,Y|f|1|1.00", revertRowsAsARevertReadsThem(9L),
                "restored to their values from before the import if their version is still the one the import left");
    }

    /** What a revert reads: the import's rows, with those it created (an array a chunk) among them; sku|created|version_after|price. */
    private String revertRowsAsARevertReadsThem(long jobInstance) throws SQLException {
        execute(ProductBulkUpsert.CREATED_AS_REVERT_ROWS.replace("?1", Long.toString(jobInstance)));
        return scalar("SELECT string_agg(concat_ws('|', sku, created, version_after, price_amount), ',' ORDER BY sku)"
                + " FROM import_revert_rows WHERE job_instance_id = " + jobInstance);
    }

    /**
     * Not an assertion of speed: prints what recording for a revert costs per chunk on this machine, for 5,000-row
     * chunks of new products (a first import) and of changed ones, with and without the recording, over 200,000
     * products of the vendor. What it asserts is that each recorded chunk recorded every product it wrote.
     */
    @Test
    void measuresWhatRecordingForARevertCostsPerChunk() throws SQLException {
        int total = 200_000;
        int size = 5_000;
        int rounds = 6;
        execute("INSERT INTO products (vendor_id, sku, title, price_amount, price_currency, stock) SELECT " + vendor
                + ", 'S-' || i, 'Title ' || i, 1.00, 'EUR', 1 FROM generate_series(1, " + total + ") i");
        execute("ANALYZE products");
        connection.commit();
        long[] nanos = new long[4]; // new plain, new recorded, changed plain, changed recorded
        for (int round = 0; round < rounds; round++) {
            for (int kind = 0; kind < 4; kind++) {
                boolean created = kind < 2;
                boolean recorded = kind % 2 == 1;
                var items = new java.util.ArrayList<ProductUpsert>();
                for (int i = 1; i <= size; i++) {
                    int n = (round * 2 + kind % 2) * size + i;
                    items.add(product((created ? "NEW-" : "S-") + n, "2.00", 2, null));
                }
                long start = System.nanoTime();
                assertEquals(size, recorded ? revertChunk(77L, items.toArray(ProductUpsert[]::new)) : chunk(null, items.toArray(ProductUpsert[]::new)));
                nanos[kind] += System.nanoTime() - start;
            }
        }
        System.out.printf("ProductBulkUpsert, %d-row chunks over %d products, ms per chunk without / with the recording for a revert:"
                + " new products %.1f / %.1f, changed products %.1f / %.1f%n", size, total, nanos[0] / rounds / 1e6,
                nanos[1] / rounds / 1e6, nanos[2] / rounds / 1e6, nanos[3] / rounds / 1e6);
        assertEquals(Integer.toString(rounds * size), scalar("SELECT count(*) FROM import_revert_rows WHERE job_instance_id = 77"));
        assertEquals(Integer.toString(rounds * size), scalar("SELECT sum(cardinality(skus)) FROM import_revert_created WHERE job_instance_id = 77"));
    }

    private int revertChunk(long jobInstance, ProductUpsert... items) throws SQLException {
        int written = ProductBulkUpsert.upsert(connection, vendor, List.of(items), null, jobInstance);
        connection.commit();
        return written;
    }

    /** One chunk in its own transaction, as the job's writer runs it. */
    private int chunk(Long seenBy, ProductUpsert... items) throws SQLException {
        int written = ProductBulkUpsert.upsert(connection, vendor, List.of(items), seenBy);
        connection.commit();
        return written;
    }

    private static ProductUpsert product(String sku, String price, Integer stock, Availability availability) {
        return new ProductUpsert(sku, "Title " + sku, "About " + sku, "Brand", null, eur(price), stock, availability, null);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private void execute(String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String scalar(String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
