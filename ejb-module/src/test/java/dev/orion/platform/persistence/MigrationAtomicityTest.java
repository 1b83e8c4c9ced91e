package dev.orion.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Orion's real migrations against the real PostgreSQL, in a throwaway schema. */
class MigrationAtomicityTest {

    private static final String URL = System.getenv().getOrDefault("ORION_DB_URL", "jdbc:postgresql://127.0.0.1:5432/orion");
    private static final String USER = System.getenv().getOrDefault("ORION_DB_USER", "orion");
    private static final String PASSWORD = System.getenv().getOrDefault("ORION_DB_PASSWORD", "orion");

    private final String schema = "migration_test_" + UUID.randomUUID().toString().substring(0, 8);

    private FluentConfiguration flyway(String... locations) {
        return Flyway.configure().dataSource(URL, USER, PASSWORD).schemas(schema).defaultSchema(schema).locations(locations);
    }

    @Test
    void allMigrationsApplyToAnEmptySchema() {
        var result = flyway("classpath:db/migration").load().migrate();
        assertEquals(true, result.success);
        assertEquals("0", scalar("SELECT count(*) FROM " + schema + ".products"), "products table exists and is empty");
    }

    @Test
    void aFailingMigrationLeavesTheDatabaseAsItWas() {
        flyway("classpath:db/migration").load().migrate();
        String versionBefore = scalar("SELECT max(version) FROM " + schema + ".flyway_schema_history WHERE success");

        assertThrows(FlywayException.class, () -> flyway("classpath:db/migration", "classpath:db/broken").load().migrate());

        assertEquals("0", scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema
                + "' AND table_name = 'half_done'"), "the half-done table was rolled back");
        assertEquals(versionBefore, scalar("SELECT max(version) FROM " + schema + ".flyway_schema_history WHERE success"));
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD); var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private String scalar(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
