package dev.orion.catalog.infrastructure;

import dev.orion.catalog.application.ProductUpsert;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Upserts a chunk of products by (vendor, SKU) the way PostgreSQL loads fastest, on the connection of the caller's
 * transaction: the chunk is streamed with {@code COPY} into a session-local staging table, then merged into
 * {@code products} by one {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE} (docs/performance.md measures it).
 * <ul>
 * <li>A row is only rewritten when something in it changes (the {@code WHERE ... IS DISTINCT FROM}), so
 * re-importing an unchanged feed touches nothing, and {@code version} and {@code updated_at} move only for
 * changed rows; {@code created_at} is never rewritten.</li>
 * <li>Stock, availability and images left out of a row keep their current values. The statement cannot see the
 * staging row once it conflicts (only {@code EXCLUDED}, whose NOT NULL columns were already defaulted), so rows
 * are merged by which of them they carry: one statement per chunk for a feed whose rows carry the same columns,
 * as feeds do; at most eight for a mixed one.</li>
 * <li>The merge reads the staging table straight into {@code ON CONFLICT}: no join, so no plan that depends on
 * the statistics a fresh temporary table lacks.</li>
 * <li>A full import's seen SKUs are recorded by the same statement (a data-modifying {@code WITH}).</li>
 * <li>So is what a revert needs: the merge's {@code RETURNING} names the rows it inserted or changed, with their
 * new {@code version}. The SKUs it created become one {@code import_revert_created} row for the chunk; the rows it
 * changed become {@code import_revert_rows} rows with their values before, read from the statement's own snapshot,
 * which does not see its writes, joined by primary key. No work for an unchanged row.</li>
 * <li>The statement returns the SKUs it inserted or changed: the chunk's {@code product.*} events name them.</li>
 * </ul>
 * The staging table is a {@code TEMP} table, {@code ON COMMIT DELETE ROWS}: created once per pooled connection,
 * emptied by every commit and rollback's end, never seen by another session, and never WAL-logged.
 * It neither commits nor sets how its caller's transaction commits: a write is as durable as its caller's commit.
 */
public final class ProductBulkUpsert {

    static final int STOCK = 1;
    static final int AVAILABILITY = 2;
    static final int IMAGES = 4;

    /**
     * Run first in each chunk's transaction: the staging table (a no-op but for a connection's first chunk). How the
     * chunk commits is its caller's business: the import's chunk writer lets it commit without waiting for the WAL
     * flush (batch-jobs' CheckpointedChunkCommit, which says why that is safe for a chunk and for nothing else).
     */
    static final String STAGE = """
            CREATE TEMP TABLE IF NOT EXISTS product_import_staging (
                sku text NOT NULL, gtin text, title text, description text, brand text, price_amount numeric,
                price_currency text, stock integer, availability text, image_links text[], present smallint NOT NULL
            ) ON COMMIT DELETE ROWS""";
    private static final String COPY = "COPY product_import_staging (sku, gtin, title, description, brand, price_amount,"
            + " price_currency, stock, availability, image_links, present) FROM STDIN WITH (FORMAT binary)";
    private static final String SEEN = """
            seen AS (
                INSERT INTO import_seen_skus (job_instance_id, sku)
                SELECT ?, sku FROM product_import_staging ON CONFLICT DO NOTHING
            )
            """;
    /**
     * Also run first in each chunk's transaction (and only for it: {@code SET LOCAL}). A chunk's statements touch a
     * few thousand rows, far too few for LLVM compilation to pay: PostgreSQL compiles a statement whose estimated
     * cost passes {@code jit_above_cost}, and the merge's look-up of unchanged rows passes it whenever
     * {@code products} has no statistics yet (autovacuum off, or not yet run on a fresh catalogue: 56 instead of 8
     * a look-up, 188,000 for a chunk), which added about 150 ms to each 5,000-row chunk, 500 ms with inlining and
     * optimisation (docs/performance.md).
     */
    static final String NO_JIT = "SET LOCAL jit = off";
    /** The header of an import's revert data, then one row per product written (see {@link #mergeSql}). */
    private static final String REVERT_HEADER = """
            revert_header AS (
                INSERT INTO import_revert_data (job_instance_id, vendor_id) VALUES (?, ?) ON CONFLICT DO NOTHING
            )
            """;
    /**
     * The writing transaction's id, which orders an import's writes among its others (V33's {@code xact},
     * {@code first_xact}, {@code last_xact}): every statement that records for a revert uses this one expression.
     */
    public static final String XACT = "pg_current_xact_id()::text::bigint";
    /**
     * The products the merge created, as one row for the chunk: their SKUs in an array. A created product has no
     * values from before to keep, and a row per product with its primary key cost a first import's merge 13 %
     * (docs/performance.md).
     */
    private static final String REVERT_CREATED = """
            INSERT INTO import_revert_created (job_instance_id, xact, skus)
            SELECT ?, %s, array_agg(sku) FROM written WHERE version = 0 HAVING count(*) > 0
            """.formatted(XACT);
    /**
     * The products the merge changed, with their values from before. A product written twice by one import (two
     * chunks naming its SKU) keeps the values from before the first write and the version and transaction of the
     * last; {@link #CREATED_AS_REVERT_ROWS} tells from the transactions whether the import had created it first.
     * Values from before that the statement's snapshot does not have (a row another transaction inserted after it
     * began) stay NULL: a revert leaves such a product as it is.
     */
    private static final String REVERT_ROWS = """
            INSERT INTO import_revert_rows (job_instance_id, sku, created, gtin, title, description, brand, price_amount,
                                            price_currency, stock, availability, image_links, version_after, first_xact, last_xact)
            SELECT ?, w.sku, false, o.gtin, o.title, o.description, o.brand, o.price_amount, o.price_currency,
                   o.stock, o.availability, o.image_links, w.version, %1$s, %1$s
            FROM written w LEFT JOIN products o ON o.id = w.id
            WHERE w.version > 0
            ON CONFLICT (job_instance_id, sku) DO UPDATE SET version_after = EXCLUDED.version_after, last_xact = EXCLUDED.last_xact
            """.formatted(XACT);
    /**
     * For a revert of import {@code ?1}: the products it created join its {@code import_revert_rows}, as they were
     * recorded before V33, one row per product, in the revert's transaction. A product whose first write by the
     * import created it is created (also when the import changed it later); one whose last write created it (someone
     * else deleted it in between) is left at version 0, so it is restored if the import had changed it first, as
     * before, and deleted if it had created it.
     */
    public static final String CREATED_AS_REVERT_ROWS = """
            INSERT INTO import_revert_rows AS r (job_instance_id, sku, created, version_after, first_xact, last_xact)
            SELECT ?1, sku, true, 0, min(c.xact), max(c.xact)
            FROM import_revert_created c, unnest(c.skus) AS sku WHERE c.job_instance_id = ?1 GROUP BY sku
            ON CONFLICT (job_instance_id, sku) DO UPDATE SET
                created = r.created OR EXCLUDED.first_xact < coalesce(r.first_xact, 0),
                version_after = CASE WHEN EXCLUDED.last_xact > coalesce(r.last_xact, 0) THEN 0 ELSE r.version_after END
            """;

    private ProductBulkUpsert() {
    }

    /**
     * Returns how many rows were inserted or changed. With {@code seenByJobInstance} (a full import) the chunk's
     * SKUs are also recorded as seen by that job instance; with {@code revertOf} (a real import) what the chunk
     * changes is recorded for a revert of that job instance.
     */
    public static int upsert(EntityManager em, long vendorId, List<ProductUpsert> items, Long seenByJobInstance, Long revertOf,
                             List<String> created, List<String> updated) {
        return em.unwrap(Session.class).doReturningWork(connection -> upsert(connection, vendorId, items, seenByJobInstance,
                revertOf, created, updated));
    }

    static int upsert(Connection connection, long vendorId, List<ProductUpsert> items, Long seenByJobInstance) throws SQLException {
        return upsert(connection, vendorId, items, seenByJobInstance, null);
    }

    static int upsert(Connection connection, long vendorId, List<ProductUpsert> items, Long seenByJobInstance, Long revertOf)
            throws SQLException {
        return upsert(connection, vendorId, items, seenByJobInstance, revertOf, new ArrayList<>(), new ArrayList<>());
    }

    /** Adds the SKUs the chunk inserted to {@code created}, the others it changed to {@code updated}. */
    static int upsert(Connection connection, long vendorId, List<ProductUpsert> items, Long seenByJobInstance, Long revertOf,
                      List<String> created, List<String> updated) throws SQLException {
        Collection<ProductUpsert> unique = lastPerSku(items);
        if (unique.isEmpty()) {
            return 0;
        }
        stage(connection);
        int masks = copy(connection, unique); // bit n set: some row carries the optional columns n
        int changed = 0;
        boolean recordSeen = seenByJobInstance != null;
        for (int present = 0; present <= STOCK + AVAILABILITY + IMAGES; present++) {
            if ((masks & 1 << present) != 0) {
                changed += merge(connection, vendorId, present, recordSeen ? seenByJobInstance : null, revertOf, created, updated);
                recordSeen = false;
            }
        }
        return changed;
    }

    /**
     * A dry run's chunk: staged exactly as {@link #upsert} stages it, then compared with {@code products} instead
     * of merged. The counts (created, changed per field, unchanged) are added to the dry run's row in
     * {@code import_previews}, and the first {@code samples} created or changed products are kept with their values
     * before and after, all in one statement and the chunk's transaction; {@code products} is only read. A full
     * dry run records the SKUs seen, as a full import does.
     */
    public static void preview(EntityManager em, long vendorId, List<ProductUpsert> items, long jobInstanceId,
                               boolean recordSeen, int samples) {
        em.unwrap(Session.class).doWork(connection -> preview(connection, vendorId, items, jobInstanceId, recordSeen, samples));
    }

    static void preview(Connection connection, long vendorId, List<ProductUpsert> items, long jobInstanceId,
                        boolean recordSeen, int samples) throws SQLException {
        Collection<ProductUpsert> unique = lastPerSku(items);
        if (unique.isEmpty()) {
            return;
        }
        stage(connection);
        copy(connection, unique);
        try (PreparedStatement statement = connection.prepareStatement(previewSql(recordSeen))) {
            int index = 1;
            if (recordSeen) {
                statement.setLong(index++, jobInstanceId);
            }
            statement.setLong(index++, vendorId);
            statement.setLong(index++, jobInstanceId);
            statement.setInt(index++, samples);
            statement.setLong(index++, jobInstanceId);
            statement.setLong(index++, jobInstanceId);
            statement.setLong(index, vendorId);
            statement.executeUpdate();
        }
    }

    /** The fields a dry run counts changes of, as they are named in its answer and in import_previews (changed_...). */
    public static final List<String> FIELDS = List.of("title", "description", "brand", "gtin", "price", "stock", "availability", "images");

    /**
     * What the merge would do to each staged row, field by field: the same comparison as its {@code IS DISTINCT FROM},
     * with the optional columns compared only where the row carries them (left out, they keep their values).
     */
    static String previewSql(boolean recordSeen) {
        var sums = new StringJoiner(", ");
        var adds = new StringJoiner(", ");
        for (String field : FIELDS) {
            sums.add("count(*) FILTER (WHERE NOT is_new AND c_" + field + ")");
            adds.add("changed_" + field + " = v.changed_" + field + " + EXCLUDED.changed_" + field);
        }
        return "WITH " + (recordSeen ? """
                seen AS (
                    INSERT INTO import_seen_skus (job_instance_id, sku)
                    SELECT ?, sku FROM product_import_staging ON CONFLICT DO NOTHING
                ),
                """ : "") + """
                compared AS (
                    SELECT s.sku, p.id IS NULL AS is_new,
                           p.title IS DISTINCT FROM s.title AS c_title,
                           p.description IS DISTINCT FROM s.description AS c_description,
                           p.brand IS DISTINCT FROM s.brand AS c_brand,
                           p.gtin IS DISTINCT FROM s.gtin AS c_gtin,
                           (p.price_amount, p.price_currency::text) IS DISTINCT FROM (s.price_amount, s.price_currency) AS c_price,
                           (s.present & 1) <> 0 AND p.stock IS DISTINCT FROM s.stock AS c_stock,
                           (s.present & 2) <> 0 AND p.availability IS DISTINCT FROM s.availability AS c_availability,
                           (s.present & 4) <> 0 AND p.image_links IS DISTINCT FROM s.image_links AS c_images,
                           CASE WHEN p.id IS NOT NULL THEN jsonb_build_object('title', p.title, 'description', p.description,
                               'brand', p.brand, 'gtin', p.gtin, 'price', p.price_amount::text || ' ' || p.price_currency,
                               'stock', p.stock, 'availability', p.availability, 'images', to_jsonb(p.image_links)) END AS before_values,
                           jsonb_build_object('title', s.title, 'description', s.description, 'brand', s.brand, 'gtin', s.gtin,
                               'price', s.price_amount::numeric(14,2)::text || ' ' || s.price_currency,
                               'stock', CASE WHEN (s.present & 1) <> 0 THEN s.stock ELSE coalesce(p.stock, 0) END,
                               'availability', CASE WHEN (s.present & 2) <> 0 THEN s.availability ELSE coalesce(p.availability, 'in_stock') END,
                               'images', to_jsonb(CASE WHEN (s.present & 4) <> 0 THEN s.image_links ELSE coalesce(p.image_links, '{}') END)) AS after_values
                    FROM product_import_staging s LEFT JOIN products p ON p.vendor_id = ? AND p.sku = s.sku
                ),
                d AS (
                    SELECT *, NOT is_new AND (c_title OR c_description OR c_brand OR c_gtin OR c_price OR c_stock
                                              OR c_availability OR c_images) AS is_changed
                    FROM compared
                ),
                sampled AS (
                    INSERT INTO import_preview_samples (job_instance_id, sku, kind, before_values, after_values)
                    SELECT ?, sku, CASE WHEN is_new THEN 'created' ELSE 'changed' END, before_values, after_values
                    FROM d WHERE is_new OR is_changed ORDER BY sku
                    LIMIT greatest(0, ? - (SELECT count(*) FROM import_preview_samples WHERE job_instance_id = ?))
                )
                INSERT INTO import_previews AS v (job_instance_id, vendor_id, created, changed, unchanged,
                    changed_title, changed_description, changed_brand, changed_gtin, changed_price, changed_stock,
                    changed_availability, changed_images)
                SELECT ?, ?, count(*) FILTER (WHERE is_new), count(*) FILTER (WHERE is_changed),
                       count(*) FILTER (WHERE NOT is_new AND NOT is_changed), %s
                FROM d
                ON CONFLICT (job_instance_id) DO UPDATE SET created = v.created + EXCLUDED.created,
                    changed = v.changed + EXCLUDED.changed, unchanged = v.unchanged + EXCLUDED.unchanged, %s
                """.formatted(sums, adds);
    }

    private static void stage(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(STAGE + ";\n" + NO_JIT); // one round trip
        }
    }

    /**
     * Streams the rows into the staging table in COPY's binary format as they are written ({@link BinaryCopyRows}),
     * so PostgreSQL reads the first rows while the last are written and the chunk is never held whole. Returns
     * which optional columns the rows carry: bit n is set when some row's {@link #present} is n.
     */
    private static int copy(Connection connection, Collection<ProductUpsert> rows) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            var out = new BinaryCopyRows(copy);
            int masks = 0;
            for (ProductUpsert item : rows) {
                int present = present(item);
                masks |= 1 << present;
                out.row(11).text(item.sku()).text(item.gtin()).text(item.title()).text(item.description()).text(item.brand())
                        .numeric(item.price().amount()).text(item.price().currency()).integer(item.stock())
                        .text(item.availability() == null ? null : item.availability().wireName())
                        .textArray(item.imageLinks()).smallint(present);
            }
            out.end();
            return masks;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy(); // an encoding or network failure: the connection leaves COPY for the rollback
            }
        }
    }

    private static int merge(Connection connection, long vendorId, int present, Long seenByJobInstance, Long revertOf,
                             List<String> created, List<String> updated) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(mergeSql(present, seenByJobInstance != null, revertOf != null))) {
            int index = 1;
            if (seenByJobInstance != null) {
                statement.setLong(index++, seenByJobInstance);
            }
            if (revertOf != null) {
                statement.setLong(index++, revertOf);
                statement.setLong(index++, vendorId);
            }
            statement.setLong(index++, vendorId);
            statement.setInt(index++, present);
            statement.setLong(index++, vendorId); // the look-up of unchanged rows
            if (revertOf != null) {
                statement.setLong(index++, revertOf); // REVERT_CREATED's
                statement.setLong(index, revertOf); // REVERT_ROWS'
            }
            int changed = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    (rows.getBoolean(2) ? created : updated).add(rows.getString(1));
                    changed++;
                }
            }
            return changed;
        }
    }

    static String mergeSql(int present, boolean recordSeen) {
        return mergeSql(present, recordSeen, false);
    }

    /**
     * The merge of the staged rows that carry the optional columns in {@code present}; the others stay as they are.
     * With {@code recordRevert} the merge is a {@code WITH} query whose main statement records the written rows for
     * a revert; its update count is still the number of products written.
     */
    static String mergeSql(int present, boolean recordSeen, boolean recordRevert) {
        var columns = new ArrayList<>(List.of("gtin", "title", "description", "brand", "price_amount", "price_currency"));
        if ((present & STOCK) != 0) {
            columns.add("stock");
        }
        if ((present & AVAILABILITY) != 0) {
            columns.add("availability");
        }
        if ((present & IMAGES) != 0) {
            columns.add("image_links");
        }
        var set = new StringJoiner(", ");
        var current = new StringJoiner(", ", "(", ")");
        var proposed = new StringJoiner(", ", "(", ")");
        var stored = new StringJoiner(", ", "(", ")");
        var staged = new StringJoiner(", ", "(", ")");
        for (String column : columns) {
            set.add(column + " = EXCLUDED." + column);
            current.add("p." + column);
            proposed.add("EXCLUDED." + column);
            stored.add("o." + column);
            staged.add("s." + column);
        }
        // The NOT EXISTS passes over the staged rows equal to their product before they reach ON CONFLICT, which
        // locks every conflicting row, changed or not (a WAL record each, and a page image after a checkpoint): an
        // unchanged row costs one index look-up instead. It only ever passes over a row the WHERE below would
        // leave; a product changed since the statement's snapshot is left as it is now, as if the import had come
        // first. OFFSET 0 keeps it a look-up per staged row through the (vendor_id, sku) key, never a join whose
        // plan would depend on statistics the fresh staging table lacks.
        String merge = """
                INSERT INTO products AS p (vendor_id, sku, gtin, title, description, brand, price_amount,
                                                 price_currency, stock, availability, image_links)
                SELECT ?, sku, gtin, title, description, brand, price_amount, price_currency,
                       COALESCE(stock, 0), COALESCE(availability, 'in_stock'), COALESCE(image_links, '{}')
                FROM product_import_staging s WHERE present = ?
                  AND NOT EXISTS (SELECT FROM products o WHERE o.vendor_id = ? AND o.sku = s.sku
                                  AND %s IS NOT DISTINCT FROM %s OFFSET 0)
                ON CONFLICT (vendor_id, sku) DO UPDATE SET %s, updated_at = now(), version = p.version + 1
                WHERE %s IS DISTINCT FROM %s
                """.formatted(stored, staged, set, current, proposed);
        if (recordRevert) {
            // what the merge wrote feeds the revert rows (a data-modifying WITH runs whether or not it is read) and
            // the answer: each written SKU, inserted (version 0) or changed, for the chunk's product.* events
            return "WITH " + (recordSeen ? SEEN + ",\n" : "") + REVERT_HEADER + ",\nwritten AS (\n" + merge
                    + "RETURNING p.id, p.sku, p.version\n),\ncreated AS (\n" + REVERT_CREATED + "),\nrecorded AS (\n"
                    + REVERT_ROWS + ")\n"
                    + "SELECT sku, version = 0 AS inserted FROM written";
        }
        return (recordSeen ? "WITH " + SEEN : "") + merge + "RETURNING p.sku, (p.xmax = 0) AS inserted\n";
    }

    static int present(ProductUpsert item) {
        return (item.stock() != null ? STOCK : 0) | (item.availability() != null ? AVAILABILITY : 0)
                | (item.imageLinks() != null ? IMAGES : 0);
    }

    /** A feed may name a SKU twice; the later row wins, as it would row by row. */
    private static Collection<ProductUpsert> lastPerSku(List<ProductUpsert> items) {
        Map<String, ProductUpsert> bySku = new LinkedHashMap<>(items.size() * 4 / 3 + 1); // sized once: no rehashing
        for (ProductUpsert item : items) {
            bySku.put(item.sku(), item);
        }
        return bySku.values();
    }
}
