package dev.orion.catalog.infrastructure;

import dev.orion.catalog.application.ProductUpsert;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Upserts a chunk of products by (vendor, SKU) as one JDBC batch of {@code INSERT ... ON CONFLICT DO UPDATE},
 * on the connection of the caller's transaction. A row is only rewritten when something in it changes (the
 * {@code WHERE ... IS DISTINCT FROM}), so re-importing an unchanged feed touches nothing; {@code created_at}
 * is never rewritten. Stock, availability and images left out of the feed keep their current values.
 */
public final class ProductBulkUpsert {

    private static final String SQL = """
            INSERT INTO orion.products AS p (vendor_id, sku, gtin, title, description, brand, price_amount,
                                             price_currency, stock, availability, image_links)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?::int, 0), COALESCE(?, 'in_stock'), COALESCE(?::text[], '{}'))
            ON CONFLICT (vendor_id, sku) DO UPDATE SET
                gtin = EXCLUDED.gtin, title = EXCLUDED.title, description = EXCLUDED.description,
                brand = EXCLUDED.brand, price_amount = EXCLUDED.price_amount, price_currency = EXCLUDED.price_currency,
                stock = COALESCE(?::int, p.stock), availability = COALESCE(?, p.availability),
                image_links = COALESCE(?::text[], p.image_links), updated_at = now(), version = p.version + 1
            WHERE (p.gtin, p.title, p.description, p.brand, p.price_amount, p.price_currency,
                   p.stock, p.availability, p.image_links)
                IS DISTINCT FROM
                  (EXCLUDED.gtin, EXCLUDED.title, EXCLUDED.description, EXCLUDED.brand, EXCLUDED.price_amount,
                   EXCLUDED.price_currency, COALESCE(?::int, p.stock), COALESCE(?, p.availability),
                   COALESCE(?::text[], p.image_links))
            """;

    private ProductBulkUpsert() {
    }

    /** Returns how many rows were inserted or changed. */
    public static int upsert(EntityManager em, long vendorId, List<ProductUpsert> items) {
        Collection<ProductUpsert> unique = lastPerSku(items);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SQL)) {
                for (ProductUpsert item : unique) {
                    bind(connection, statement, vendorId, item);
                    statement.addBatch();
                }
                int changed = 0;
                for (int count : statement.executeBatch()) {
                    changed += Math.max(count, 0);
                }
                return changed;
            }
        });
    }

    public static void recordSeen(EntityManager em, long jobInstanceId, List<ProductUpsert> items) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO orion.import_seen_skus (job_instance_id, sku) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                for (ProductUpsert item : lastPerSku(items)) {
                    statement.setLong(1, jobInstanceId);
                    statement.setString(2, item.sku());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    /** A feed may name a SKU twice; the later row wins, as it would row by row. */
    private static Collection<ProductUpsert> lastPerSku(List<ProductUpsert> items) {
        Map<String, ProductUpsert> bySku = new LinkedHashMap<>();
        for (ProductUpsert item : items) {
            bySku.put(item.sku(), item);
        }
        return bySku.values();
    }

    private static void bind(Connection connection, PreparedStatement s, long vendorId, ProductUpsert item) throws SQLException {
        String availability = item.availability() == null ? null : item.availability().wireName();
        java.sql.Array images = item.imageLinks() == null ? null : connection.createArrayOf("text", item.imageLinks().toArray());
        s.setLong(1, vendorId);
        s.setString(2, item.sku());
        s.setString(3, item.gtin());
        s.setString(4, item.title());
        s.setString(5, item.description());
        s.setString(6, item.brand());
        s.setBigDecimal(7, item.price().amount());
        s.setString(8, item.price().currency());
        for (int first : new int[] {9, 12, 15}) { // the optional fields, for the insert, the update and the comparison
            setInteger(s, first, item.stock());
            s.setString(first + 1, availability);
            if (images == null) {
                s.setNull(first + 2, Types.ARRAY);
            } else {
                s.setArray(first + 2, images);
            }
        }
    }

    private static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }
}
