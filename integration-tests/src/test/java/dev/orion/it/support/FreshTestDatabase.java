package dev.orion.it.support;

import dev.orion.platform.redis.RedisUrl;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Run by the build before the integration tests: drops and re-creates the test database, so every run
 * starts from an empty schema that Orion's own migrations then build, and empties the tests' Redis database,
 * whose cached entries would otherwise speak for rows of the dropped database.
 */
public final class FreshTestDatabase {

    private FreshTestDatabase() {
    }

    public static void main(String[] args) throws SQLException {
        String name = args[0];
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Unexpected database name " + name);
        }
        String admin = System.getenv().getOrDefault("ORION_DB_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getenv().getOrDefault("ORION_DB_USER", "orion");
        String password = System.getenv().getOrDefault("ORION_DB_PASSWORD", "orion");
        try (var connection = DriverManager.getConnection(admin, user, password);
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        RedisUrl redis = RedisUrl.parse(args[1]);
        if (redis.database() == 0) {
            throw new IllegalArgumentException("The tests' Redis must be a database of their own (redis://host:port/N, N > 0)");
        }
        var config = new Config();
        config.useSingleServer().setAddress(redis.address()).setDatabase(redis.database());
        RedissonClient client = Redisson.create(config);
        try {
            client.getKeys().flushdb();
        } finally {
            client.shutdown();
        }
        System.out.println("Test database " + name + " and Redis database " + redis.database() + " are fresh");
    }
}
