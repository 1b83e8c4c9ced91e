package dev.orion.platform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Against the real PostgreSQL: the setting holds for the chunk's transaction and leaves the pooled connection as it was. */
class CheckpointedChunkCommitTest {

    private static final String URL = System.getenv().getOrDefault("ORION_DB_URL", "jdbc:postgresql://127.0.0.1:5432/orion");
    private static final String USER = System.getenv().getOrDefault("ORION_DB_USER", "orion");
    private static final String PASSWORD = System.getenv().getOrDefault("ORION_DB_PASSWORD", "orion");

    @Test
    void theChunksTransactionCommitsWithoutWaitingForTheFlushAndTheConnectionsNextOneWaitsAgain() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            execute(connection, "SET synchronous_commit = on"); // the session's setting, whatever the server's
            connection.setAutoCommit(false);

            CheckpointedChunkCommit.apply(connection);
            assertEquals("off", setting(connection), "the chunk's own transaction");
            connection.commit();
            assertEquals("on", setting(connection), "SET LOCAL: the pooled connection's next transaction");
            connection.rollback();

            CheckpointedChunkCommit.apply(connection);
            connection.rollback();
            assertEquals("on", setting(connection), "a chunk rolled back leaves nothing behind either");
        }
    }

    @Test
    void onlyACallerInsideATransactionCanAskForIt() throws NoSuchMethodException {
        TransactionAttribute attribute = CheckpointedChunkCommit.class.getMethod("withoutWaitingForTheFlush")
                .getAnnotation(TransactionAttribute.class);
        assertEquals(TransactionAttributeType.MANDATORY, attribute.value(),
                "with no transaction the SET LOCAL would apply to nothing, and in a new one to a commit without the checkpoint");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String setting(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("SHOW synchronous_commit")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
