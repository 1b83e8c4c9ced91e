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
 * The same tables say which vendor an execution works for (its {@code vendorId} parameter, as JBeret stores the
 * parameters), so a vendor's share is counted across the cluster the same way: nothing to clean up after a crash.
 */
@Stateless
public class JobSlots {

    /** Serializes admissions across servers, so two executions never take the last slot together. */
    private static final long ADMISSION_LOCK = 0x0710_AD31L;
    private static final String RUNNING = "('STARTING', 'STARTED', 'STOPPING')";
    /** The vendor of execution {@code e}, from the parameters as JBeret stores them: {@code name = value}, one a line. */
    private static final String VENDOR_OF_E = "(regexp_match(e.jobparameters, '(?:^|\\n)vendorId\\s*=\\s*([0-9]+)'))[1]";
    /** Execution {@code e} waits in the line: the newest of its instance, STOPPED as QUEUED by its admission step. */
    private static final String E_IS_QUEUED = "e.batchstatus = 'STOPPED' AND e.exitstatus = '" + JobExecutionView.QUEUED + "'"
            + " AND e.jobexecutionid = (SELECT max(n.jobexecutionid) FROM public.job_execution n WHERE n.jobinstanceid = e.jobinstanceid)";

    @Resource(lookup = "java:jboss/datasources/OrionDS")
    DataSource dataSource;

    /** A queued execution; {@code vendorId} is null for a job that works for no single vendor. */
    public record Queued(long executionId, String admissionStep, Long vendorId) {
    }

    /**
     * Takes a slot of {@code admissionStep}'s kind on {@code node} for {@code executionId} if one is free and its
     * vendor (null: none) has its share left, with none of that vendor's older executions of the kind still waiting
     * (they go first): its admission step is marked admitted at once (the step would say the same when it ends),
     * under a lock that lasts this transaction, so the next admission, on any server, counts it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean admit(long executionId, String admissionStep, String node, JobCapacity capacity, Long vendorId) {
        try (Connection connection = dataSource.getConnection()) {
            try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ADMISSION_LOCK);
                lock.execute();
            }
            long taken = admitted(connection, admissionStep, node, executionId);
            String kind = JobCapacity.kindOf(admissionStep);
            if (!capacity.admits(kind, taken)) {
                return false;
            }
            if (vendorId != null && capacity.vendorLimit(kind) > 0
                    && (!capacity.admitsForVendor(kind, vendorId, admittedForVendor(connection, admissionStep, vendorId, executionId))
                    || queuedBefore(connection, executionId) > 0)) {
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
     * A vendor's executions of {@code admissionStep}'s kind that run anywhere in the cluster, admitted or on their way
     * through admission (a queued one restarted a moment ago): what the queue counts before it restarts another.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long runningForVendor(String admissionStep, long vendorId) {
        try (Connection connection = dataSource.getConnection();
             var count = connection.prepareStatement("SELECT count(*) FROM public.job_execution e WHERE e.batchstatus IN " + RUNNING
                     + " AND " + VENDOR_OF_E + " = ? AND EXISTS (SELECT 1 FROM public.step_execution s JOIN public.job_execution x"
                     + " ON x.jobexecutionid = s.jobexecutionid WHERE x.jobinstanceid = e.jobinstanceid AND s.stepname = ?)")) {
            count.setString(1, Long.toString(vendorId));
            count.setString(2, admissionStep);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count vendor " + vendorId + "'s running jobs", e);
        }
    }

    /**
     * Where queued execution {@code executionId} stands in its line: 1 + the executions of its kind (and of its vendor,
     * when it works for one) that wait and were requested before it. The caller knows it waits (the JobOperator says
     * STOPPED as QUEUED): its own row in the repository may say so a moment later, so it is not asked again here.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int queuePosition(long executionId) {
        try (Connection connection = dataSource.getConnection()) {
            return (int) queuedBefore(connection, executionId) + 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find job execution " + executionId + "'s place in the queue", e);
        }
    }

    /**
     * The executions waiting for a slot, oldest request first (by job instance: a queued execution restarted and
     * queued again keeps its place): the newest execution of its job instance, STOPPED as QUEUED by its admission
     * step. An operator who abandons one takes it out of the line.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Queued> queued(int limit) {
        var queued = new ArrayList<Queued>();
        try (Connection connection = dataSource.getConnection();
             var query = connection.prepareStatement("SELECT e.jobexecutionid, s.stepname, " + VENDOR_OF_E + " FROM public.job_execution e"
                     + " JOIN public.step_execution s ON s.jobexecutionid = e.jobexecutionid AND s.stepname LIKE ?"
                     + " WHERE " + E_IS_QUEUED + " ORDER BY e.jobinstanceid LIMIT ?")) {
            query.setString(1, "%" + JobCapacity.STEP_SUFFIX);
            query.setInt(2, limit);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    String vendor = rows.getString(3);
                    queued.add(new Queued(rows.getLong(1), rows.getString(2), vendor == null ? null : Long.valueOf(vendor)));
                }
            }
            return queued;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the queued job executions", e);
        }
    }

    /** The vendor's admitted executions of this kind that run on any server. */
    private static long admittedForVendor(Connection connection, String admissionStep, long vendorId, long except) throws SQLException {
        try (var count = connection.prepareStatement("SELECT count(*) FROM public.step_execution s"
                + " JOIN public.job_execution e ON e.jobexecutionid = s.jobexecutionid"
                + " WHERE s.stepname = ? AND s.exitstatus LIKE ? AND e.batchstatus IN " + RUNNING + " AND e.jobexecutionid <> ?"
                + " AND " + VENDOR_OF_E + " = ?")) {
            count.setString(1, admissionStep);
            count.setString(2, JobCapacity.ADMITTED + "@%");
            count.setLong(3, except);
            count.setString(4, Long.toString(vendorId));
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * The queued executions requested before {@code executionId} (an earlier job instance) that wait in the same line:
     * the same admission step and, when it works for a vendor, the same vendor.
     */
    private static long queuedBefore(Connection connection, long executionId) throws SQLException {
        try (var count = connection.prepareStatement("WITH mine AS (SELECT e.jobinstanceid, s.stepname, " + VENDOR_OF_E + " AS vendor"
                + " FROM public.job_execution e JOIN public.step_execution s ON s.jobexecutionid = e.jobexecutionid AND s.stepname LIKE ?"
                + " WHERE e.jobexecutionid = ?)"
                + " SELECT count(*) FROM public.job_execution e JOIN public.step_execution s ON s.jobexecutionid = e.jobexecutionid"
                + " JOIN mine ON s.stepname = mine.stepname WHERE " + E_IS_QUEUED + " AND e.jobinstanceid < mine.jobinstanceid"
                + " AND (mine.vendor IS NULL OR " + VENDOR_OF_E + " = mine.vendor)")) {
            count.setString(1, "%" + JobCapacity.STEP_SUFFIX);
            count.setLong(2, executionId);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
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
