package dev.orion.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import dev.orion.platform.StartupFailure;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings the schema up to date before anything else touches the database. Startup beans that need the
 * schema declare {@code @DependsOn("SchemaMigrator")}.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // Flyway runs its own transactions, one per migration
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());
    public static final String SCHEMA = "orion";

    @Resource(lookup = "java:jboss/datasources/OrionDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        try {
            checkReachable();
            runMigrations();
        } catch (StartupFailure e) {
            LOG.severe("Orion cannot start: " + e.getMessage()); // the one line to read; WildFly's report follows
            throw e;
        }
    }

    private void runMigrations() {
        try {
            var result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .schemas(SCHEMA) // our own schema: the server keeps its batch and timer tables in public
                    .defaultSchema(SCHEMA)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                    + " (" + result.migrationsExecuted + " migration(s) applied)");
        } catch (FlywayException e) {
            throw new StartupFailure("Database migration failed and was rolled back: " + firstLine(e.getMessage()));
        }
    }

    /** One clear line naming the settings, instead of a pool exception three screens long. */
    private void checkReachable() {
        try (var connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new StartupFailure("Cannot reach PostgreSQL: check ORION_DB_URL, ORION_DB_USER and ORION_DB_PASSWORD ("
                    + firstLine(rootCause(e).getMessage()) + ")");
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
