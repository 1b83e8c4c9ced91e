package dev.orion.catalog.application;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hibernate.query.NativeQuery;

/**
 * Reads product rows of a native query straight into {@link ProductView}s, with typed columns: through Hibernate
 * ({@link #query}), or through plain JDBC ({@link #read}) for the API's page, where Hibernate's per-query and
 * per-column work (result mapping by column name, an extractor and a {@code wasNull} per value, each JDBC call
 * through the pool's connection lock) was about a sixth of a page's time.
 */
final class ProductRows {

    /** A named parameter ({@code :vendor}) of the SQL {@link ProductQuerySql} writes; {@code ::} casts are not. */
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):(\\w+)");

    static final String COLUMNS = "p.id, p.vendor_id, p.sku, p.gtin, p.title, p.description, p.brand, p.price_amount,"
            + " p.price_currency, p.stock, p.availability, p.image_links, p.created_at, p.updated_at, p.version";

    /** How many values {@link #COLUMNS} reads: a query may add its own after them. */
    static final int COLUMN_COUNT = 15;

    private ProductRows() {
    }

    @SuppressWarnings("unchecked")
    static NativeQuery<Object[]> query(EntityManager em, String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("id", Long.class).addScalar("vendor_id", Long.class).addScalar("sku", String.class)
                .addScalar("gtin", String.class).addScalar("title", String.class).addScalar("description", String.class)
                .addScalar("brand", String.class).addScalar("price_amount", BigDecimal.class)
                .addScalar("price_currency", String.class).addScalar("stock", Integer.class)
                .addScalar("availability", String.class).addScalar("image_links", String[].class)
                .addScalar("created_at", OffsetDateTime.class).addScalar("updated_at", OffsetDateTime.class)
                .addScalar("version", Long.class);
    }

    /**
     * The rows of {@code sql} (named parameters from {@code params}), each as its {@link #COLUMNS} and then
     * {@code extra} more columns read with {@code getObject}, in plain JDBC on a connection of {@code dataSource}:
     * for reads outside a transaction (nothing for Hibernate to flush first).
     */
    static List<Object[]> read(DataSource dataSource, String sql, Map<String, Object> params, int extra) {
        var names = new ArrayList<String>();
        String positional = positional(sql, names);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(positional)) {
            for (int i = 0; i < names.size(); i++) {
                if (!params.containsKey(names.get(i))) {
                    throw new IllegalArgumentException("No value for :" + names.get(i));
                }
                select.setObject(i + 1, params.get(names.get(i)));
            }
            var rows = new ArrayList<Object[]>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs, extra));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new PersistenceException("Could not read products", e);
        }
    }

    /** {@code sql} with each named parameter replaced by {@code ?}; their names, in order, added to {@code names}. */
    static String positional(String sql, List<String> names) {
        Matcher parameters = PARAMETER.matcher(sql);
        return parameters.replaceAll(match -> {
            names.add(match.group(1));
            return "?";
        });
    }

    private static Object[] row(ResultSet rs, int extra) throws SQLException {
        var r = new Object[COLUMN_COUNT + extra];
        r[0] = rs.getLong(1);
        r[1] = rs.getLong(2);
        r[2] = rs.getString(3);
        r[3] = rs.getString(4);
        r[4] = rs.getString(5);
        r[5] = rs.getString(6);
        r[6] = rs.getString(7);
        r[7] = rs.getBigDecimal(8);
        r[8] = rs.getString(9);
        r[9] = rs.getInt(10);
        r[10] = rs.getString(11);
        Array images = rs.getArray(12);
        r[11] = images == null ? null : (String[]) images.getArray();
        r[12] = rs.getObject(13, OffsetDateTime.class);
        r[13] = rs.getObject(14, OffsetDateTime.class);
        r[14] = rs.getLong(15);
        for (int i = 0; i < extra; i++) {
            r[COLUMN_COUNT + i] = rs.getObject(COLUMN_COUNT + 1 + i);
        }
        return r;
    }

    static ProductView view(Object[] r) {
        String[] images = (String[]) r[11];
        return new ProductView((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], (BigDecimal) r[7], (String) r[8], (Integer) r[9], (String) r[10],
                images == null ? List.of() : Arrays.asList(images), (OffsetDateTime) r[12], (OffsetDateTime) r[13], (Long) r[14]);
    }
}
