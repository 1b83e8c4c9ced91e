package dev.orion.platform.batch;

import dev.orion.platform.jobs.JobCapacity;
import dev.orion.platform.jobs.JobExecutionView;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The slots of each kind of work ({@link JobCapacity}), read from JBeret's job repository: a slot is held by a
 * running execution whose admission step ended, or is ending, {@code ADMITTED@<node>}. Nothing else records them,
 * so an execution that ends however it ends (completed, failed, stopped, failed for a dead server) frees its slot.
 */
@Stateless
public class JobSlots {

    /** Serializes admissions across servers, so two executions never take the last slot together. */
    private static final long ADMISSION_LOCK = 0x0710_AD31L;
    private static final String RUNNING = "('STARTING', 'STARTED', 'STOPPING')";

    @Resource(lookup = "java:jboss/datasources/OrionDS")
    DataSource dataSource;

    public record Queued(long executionId, String admissionStep) {
    }

    /**
     * Takes a slot of {@code admissionStep}'s kind on {@code node} for {@code executionId} if one is free: its
     * admission step is marked admitted at once (the step would say the same when it ends), under a lock that
     * lasts this transaction, so the next admission counts it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean admit(long executionId, String admissionStep, String node, JobCapacity capacity) {
        try (Connection connection = dataSource.getConnection()) {
            try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ADMISSION_LOCK);
                lock.execute();
            }
            long taken = admitted(connection, admissionStep, node, executionId);
            if (!capacity.admits(JobCapacity.kindOf(admissionStep), taken)) {
                return false;
            }
            try (var mark = connection.prepareStatement(
                    "UPDATE public.step_execution SET exitstatus = ? WHERE jobexecutionid = ? AND stepname = ?")) {
                mark.setString(1, JobCapacity.admittedOn(node));
                mark.setLong(2, executionId);
                mark.setString(3, admissionStep);
                mark.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take a slot for job execution " + executionId, e);
        }
    }

    /** The slots of {@code admissionStep}'s kind in use on {@code node}. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long admitted(String admissionStep, String node) {
        try (Connection connection = dataSource.getConnection()) {
            return admitted(connection, admissionStep, node, -1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the slots in use", e);
        }
    }

    /**
     * The executions waiting for a slot, oldest first: the newest execution of its job instance, STOPPED as
     * QUEUED by its admission step. An operator who abandons one takes it out of the line.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Queued> queued(int limit) {
        var queued = new ArrayList<Queued>();
        try (Connection connection = dataSource.getConnection();
             var query = connection.prepareStatement("SELECT e.jobexecutionid, s.stepname FROM public.job_execution e"
                     + " JOIN public.step_execution s ON s.jobexecutionid = e.jobexecutionid AND s.stepname LIKE ?"
                     + " WHERE e.batchstatus = 'STOPPED' AND e.exitstatus = ? AND e.jobexecutionid = (SELECT max(n.jobexecutionid)"
                     + " FROM public.job_execution n WHERE n.jobinstanceid = e.jobinstanceid) ORDER BY e.jobexecutionid LIMIT ?")) {
            query.setString(1, "%" + JobCapacity.STEP_SUFFIX);
            query.setString(2, JobExecutionView.QUEUED);
            query.setInt(3, limit);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    queued.add(new Queued(rows.getLong(1), rows.getString(2)));
                }
            }
            return queued;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the queued job executions", e);
        }
    }

    private static long admitted(Connection connection, String admissionStep, String node, long except) throws SQLException {
        try (var count = connection.prepareStatement("SELECT count(*) FROM public.step_execution s"
                + " JOIN public.job_execution e ON e.jobexecutionid = s.jobexecutionid"
                + " WHERE s.stepname = ? AND s.exitstatus = ? AND e.batchstatus IN " + RUNNING + " AND e.jobexecutionid <> ?")) {
            count.setString(1, admissionStep);
            count.setString(2, JobCapacity.admittedOn(node));
            count.setLong(3, except);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
