package dev.orion.identity.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Orion's database as the server sees it: the same {@code ORION_DB_*} variables with the same defaults
 * (server-config's orion.cli), and the schema brought up to date with the server's own migrations and Flyway
 * settings ({@code dev.orion.platform.persistence.SchemaMigrator}), so a server that has not started since an
 * upgrade still gets the columns the new release writes.
 */
final class OrionDatabase {

    static final String SCHEMA = "orion";

    /** Flyway's progress lines are the server's business; the command prints its own one-line summary. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private final String url;
    private final String user;
    private final String password;

    private OrionDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static OrionDatabase fromEnvironment(Map<String, String> env) {
        return new OrionDatabase(env.getOrDefault("ORION_DB_URL", "jdbc:postgresql://127.0.0.1:5432/orion"),
                env.getOrDefault("ORION_DB_USER", "orion"), env.getOrDefault("ORION_DB_PASSWORD", "orion"));
    }

    String url() {
        return url;
    }

    Connection connect() {
        try {
            DriverManager.setLoginTimeout(15);
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw Refusal.of("Cannot reach PostgreSQL: check ORION_DB_URL, ORION_DB_USER and ORION_DB_PASSWORD ("
                    + firstLine(e.getMessage()) + "; ORION_DB_URL is " + url + ")");
        }
    }

    /**
     * Brings the schema up to date on a database the server has started on once. A database without Orion's schema
     * is refused: the server's first start makes the schema and its own job repository and timer tables, so an install
     * begins one way only (and a mistyped ORION_DB_URL gets no stray schema).
     *
     * @return one line saying at which version the schema is, and whether this run changed it
     */
    String migrate() {
        try (Connection db = connect();
             var schema = db.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            schema.setString(1, SCHEMA + ".flyway_schema_history");
            try (var row = schema.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    throw Refusal.of("This database has no Orion schema yet (ORION_DB_URL is " + url + "). Start Orion on it"
                            + " once (it creates its schema and the server's job and timer tables), then run this again, with"
                            + " the server running or stopped; nothing changed");
                }
            }
        } catch (SQLException e) {
            throw Refusal.of("PostgreSQL stopped answering: " + firstLine(e.getMessage()));
        }
        FLYWAY_LOG.setLevel(Level.WARNING);
        try {
            Flyway flyway = Flyway.configure(OrionDatabase.class.getClassLoader())
                    .dataSource(url, user, password)
                    .schemas(SCHEMA)
                    .defaultSchema(SCHEMA)
                    .locations("classpath:db/migration")
                    .load();
            int applied = flyway.migrate().migrationsExecuted;
            var current = flyway.info().current();
            return "Database schema at version " + (current == null ? "none" : current.getVersion().getVersion())
                    + (applied == 0 ? " (up to date)" : " (" + applied + " migration(s) applied)");
        } catch (FlywayException e) {
            throw Refusal.of("Database migration failed and was rolled back: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.strip();
        int newline = line.indexOf('\n');
        return newline < 0 ? line : line.substring(0, newline);
    }
}
