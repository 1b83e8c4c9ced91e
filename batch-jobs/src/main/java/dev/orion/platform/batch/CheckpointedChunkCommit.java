package dev.orion.platform.batch;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Lets a chunk's commit not wait for its WAL to reach the disk ({@code synchronous_commit} off for the calling
 * transaction only: {@code SET LOCAL}, so the pooled connection keeps the server's setting). About 8 ms a chunk
 * here, 200 flushes in a 1M-row product import.
 * <p>
 * Only a chunk writer may call it, inside its chunk's transaction ({@code MANDATORY}: with none, it fails rather
 * than set nothing or a setting no chunk commits under). Why that is safe for a chunk and for nothing else: JBeret
 * writes the step's checkpoint ({@code STEP_EXECUTION}, the reader's position) before it commits the chunk, inside
 * the same JTA transaction, through the same {@code OrionDS} (ChunkRunner.doCheckpoint: writeItems, afterWrite,
 * savePersistentData, then commit; the JdbcRepository takes its connection from the data source without suspending
 * the transaction). Within one JTA transaction the pool hands out the one local-transaction connection it enlisted
 * (so this statement, the chunk's rows and the checkpoint share it), so they are one PostgreSQL transaction and one
 * commit record: a crash keeps both or neither. And WAL is flushed in order, so a crash can only lose a tail of such
 * commits (PostgreSQL's WAL writer flushes them within about three {@code wal_writer_delay}, 600 ms): every later
 * synchronous commit (the step's end, the next job's start, anything else on the server) makes every earlier chunk
 * durable first. A restart resumes from the last checkpoint that survived, whose rows survived with it, and writes
 * the lost chunks again, so a writer that calls this must write idempotently (an upsert). What can be seen of a
 * lost chunk is what other sessions read in that window: events it recorded may be delivered and then delivered
 * again by the restart (receivers already get events at least once). Nothing else may use this: an API write must
 * be durable when it answers.
 */
@Stateless
public class CheckpointedChunkCommit {

    static final String WITHOUT_WAITING_FOR_THE_FLUSH = "SET LOCAL synchronous_commit = off";

    @Resource(lookup = "java:jboss/datasources/OrionDS")
    DataSource dataSource;

    /** Call first in a chunk writer's {@code writeItems}: its chunk (and checkpoint) commit without waiting for the disk. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void withoutWaitingForTheFlush() {
        try (Connection connection = dataSource.getConnection()) {
            apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the chunk's commit mode", e);
        }
    }

    static void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(WITHOUT_WAITING_FOR_THE_FLUSH);
        }
    }
}
