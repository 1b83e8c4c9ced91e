package dev.orion.it.support;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Run by the build before the integration tests: drops and re-creates the test database, so every run
 * starts from an empty schema that Orion's own migrations then build.
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
        System.out.println("Test database " + name + " is fresh");
    }
}
