package dev.orion.it.support;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Arranges data straight in the test database, the way an earlier import or another user would have left
 * it. Each call uses unique codes, so test classes never see each other's rows.
 */
public final class TestData {

    private TestData() {
    }

    public static Connection connect() {
        try {
            return DriverManager.getConnection(System.getProperty("orion.it.db.url"),
                    System.getenv().getOrDefault("ORION_DB_USER", "orion"),
                    System.getenv().getOrDefault("ORION_DB_PASSWORD", "orion"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The first column of the first row of {@code sql} (or null) in another server's database on the same
     * PostgreSQL, e.g. the one a {@link StandaloneOrion} was started on.
     */
    public static String queryIn(String database, String sql) {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database,
                System.getenv().getOrDefault("ORION_DB_USER", "orion"), System.getenv().getOrDefault("ORION_DB_PASSWORD", "orion"));
             var statement = connection.createStatement()) {
            statement.execute("SET search_path = orion, public");
            try (var rows = statement.executeQuery(sql)) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Deletes keys from the tests' Redis database, as their expiry would. */
    public static void resetRedis(String... keys) {
        var redis = dev.orion.platform.redis.RedisUrl.parse(System.getenv().getOrDefault("ORION_REDIS_URL", "redis://127.0.0.1:6379/1"));
        var config = new org.redisson.config.Config();
        config.useSingleServer().setAddress(redis.address()).setDatabase(redis.database());
        var client = org.redisson.Redisson.create(config);
        try {
            client.getKeys().delete(keys);
        } finally {
            client.shutdown();
        }
    }

    /** The keys of the tests' Redis database that match a glob pattern ({@code orion:login*}). */
    public static java.util.List<String> redisKeys(String pattern) {
        var redis = dev.orion.platform.redis.RedisUrl.parse(System.getenv().getOrDefault("ORION_REDIS_URL", "redis://127.0.0.1:6379/1"));
        var config = new org.redisson.config.Config();
        config.useSingleServer().setAddress(redis.address()).setDatabase(redis.database());
        var client = org.redisson.Redisson.create(config);
        try {
            var keys = new java.util.ArrayList<String>();
            client.getKeys().getKeysByPattern(pattern).forEach(keys::add);
            return keys;
        } finally {
            client.shutdown();
        }
    }

    /** Deletes the keys of the tests' Redis database that match a glob pattern, as their expiry would. */
    public static void resetRedisMatching(String pattern) {
        redisKeys(pattern).forEach(key -> resetRedis(key));
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static long vendor(String code) {
        return insert("INSERT INTO vendors (code, name) VALUES (?, ?) RETURNING id", code, "Vendor " + code);
    }

    /** An API client whose secret is {@code secret}; vendorId null makes a platform client. */
    public static void apiClient(String clientId, String secret, Long vendorId) {
        insert("INSERT INTO api_clients (client_id, name, secret_hash, role, vendor_id) VALUES (?, ?, ?, ?, ?) RETURNING id",
                clientId, clientId, hash(secret), vendorId == null ? "platform" : "vendor", vendorId);
    }

    public static void consoleUser(String email, String password, String role, Long vendorId) {
        insert("INSERT INTO users (email, display_name, password_hash, role, vendor_id) VALUES (?, ?, ?, ?, ?) RETURNING id",
                email, "User " + email, hash(password), role, vendorId);
    }

    public static long product(long vendorId, String sku, String title, String price) {
        return insert("INSERT INTO products (vendor_id, sku, title, price_amount, price_currency, stock) "
                + "VALUES (?, ?, ?, ?, 'EUR', 10) RETURNING id", vendorId, sku, title, new BigDecimal(price));
    }

    /** A PENDING order of one line for a new customer with {@code email}. */
    public static long pendingOrder(long vendorId, String email, String sku, String price) {
        long customer = insert("INSERT INTO customers (vendor_id, email, full_name) VALUES (?, ?, ?) RETURNING id",
                vendorId, email, "Ada Customer");
        long order = insert("INSERT INTO orders (vendor_id, customer_id, status, currency, total_amount) "
                + "VALUES (?, ?, 'PENDING', 'EUR', ?) RETURNING id", vendorId, customer, new BigDecimal(price));
        insert("INSERT INTO order_lines (order_id, line_no, sku, title, quantity, unit_price) VALUES (?, 1, ?, ?, 1, ?) RETURNING id",
                order, sku, "Item " + sku, new BigDecimal(price));
        return order;
    }

    public static String queryString(String sql, Object... params) {
        try (var connection = connect(); var statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement (an update, or DDL such as a test's fault-injecting trigger); returns rows changed. */
    public static int execute(String sql, Object... params) {
        try (var connection = connect(); var statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long insert(String sql, Object... params) {
        try (var connection = connect(); var statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(java.sql.PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }

    private static String hash(String secret) {
        return new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(6, secret.toCharArray()), StandardCharsets.US_ASCII);
    }
}
