package dev.orion.operations.batch.jberet;

import dev.orion.platform.jobs.ExecutionQuery;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * After a crash, executions this server was running stay STARTED (or STARTING, STOPPING) in the job repository
 * for ever, and such an execution can be neither restarted nor abandoned. At start-up, before any job runs
 * here, each one stamped with this server's node name is marked FAILED with the reason, so it can be restarted
 * from its last checkpoint. Executions of other servers sharing the repository are left alone.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InterruptedExecutions {

    static final String NODE_PARAMETER = "orion.node";
    static final String REASON = "Interrupted: the server stopped while this execution ran; restart it to resume from its last checkpoint";
    static final String DEAD_NODE_REASON = "Interrupted: server %s stopped answering while this execution ran;"
            + " restart it (on any server) to resume from its last checkpoint";
    /** A node name no server has: an execution whose parameters cannot be read is nobody's to fail. */
    private static final String UNREADABLE = "\u0000unreadable";
    private static final Logger LOG = Logger.getLogger(InterruptedExecutions.class.getName());
    private static final List<String> RUNNING = List.of("STARTING", "STARTED", "STOPPING");

    @Resource(lookup = "java:jboss/datasources/OrionDS")
    DataSource dataSource;

    public static String node() {
        return System.getProperty("jboss.node.name", "orion");
    }

    @PostConstruct
    void markInterruptedAsFailed() {
        failRunning(node -> node == null || node.equals(node()), REASON);
    }

    /**
     * Marks FAILED the executions that the server {@code node} left running when it died (a survivor noticed its
     * silence, see NodeHeartbeat), so any node can restart them; returns how many.
     */
    public int failRunningOf(String node) {
        return failRunning(node::equals, DEAD_NODE_REASON.formatted(node));
    }

    private int failRunning(Predicate<String> ranOn, String reason) {
        int failed = 0;
        for (String status : RUNNING) {
            for (long id : JobRepositoryQueries.executionIds(dataSource, new ExecutionQuery(null, status, null, null, null, 10_000))) {
                if (ranOn.test(nodeOf(id)) && fail(id, reason)) {
                    failed++;
                }
            }
        }
        return failed;
    }

    /**
     * The node stamped on the execution (null for none, or when unreadable: then no node claims it). Reads the
     * parameters from the table, not through the JobOperator, whose cache would keep the old status.
     */
    private String nodeOf(long executionId) {
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement("SELECT jobparameters FROM public.job_execution WHERE jobexecutionid = ?")) {
            query.setLong(1, executionId);
            try (var rows = query.executeQuery()) {
                var parameters = new Properties();
                if (rows.next() && rows.getString(1) != null) {
                    parameters.load(new StringReader(rows.getString(1)));
                }
                return parameters.getProperty(NODE_PARAMETER);
            }
        } catch (SQLException | IOException e) {
            LOG.severe("Could not read job execution " + executionId + ": " + e.getMessage());
            return UNREADABLE;
        }
    }

    private boolean fail(long executionId, String reason) {
        try (var connection = dataSource.getConnection()) {
            var now = java.sql.Timestamp.from(Instant.now());
            try (var steps = connection.prepareStatement("UPDATE public.step_execution SET batchstatus = 'FAILED',"
                    + " exitstatus = ?, endtime = ? WHERE jobexecutionid = ? AND batchstatus IN ('STARTING', 'STARTED', 'STOPPING')")) {
                steps.setString(1, reason);
                steps.setTimestamp(2, now);
                steps.setLong(3, executionId);
                steps.executeUpdate();
            }
            try (var job = connection.prepareStatement("UPDATE public.job_execution SET batchstatus = 'FAILED', exitstatus = ?,"
                    + " endtime = ?, lastupdatedtime = ? WHERE jobexecutionid = ? AND batchstatus IN ('STARTING', 'STARTED', 'STOPPING')")) {
                job.setString(1, reason);
                job.setTimestamp(2, now);
                job.setTimestamp(3, now);
                job.setLong(4, executionId);
                if (job.executeUpdate() == 1) {
                    LOG.warning("Job execution " + executionId + " was left running by a stopped server; marked FAILED so it can be restarted");
                    return true;
                }
                return false;
            }
        } catch (SQLException e) {
            LOG.severe("Could not mark interrupted job execution " + executionId + " as FAILED: " + e.getMessage());
            return false;
        }
    }
}
