package dev.orion.operations.batch.jberet;

import dev.orion.platform.jobs.ExecutionQuery;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Filtered listing of job executions straight from JBeret's JDBC job repository tables: the standard
 * JobOperator can only walk instance by instance, which does not scale to a long history with date filters.
 * Everything else about an execution is still read through the JobOperator.
 */
final class JobRepositoryQueries {

    private JobRepositoryQueries() {
    }

    /** Executions still running sort first in the monitor: they are the ones an operator watches. */
    private static final String RUNNING_FIRST = "CASE WHEN e.batchstatus IN ('STARTING', 'STARTED', 'STOPPING') THEN 0 ELSE 1 END";

    static List<Long> executionIds(DataSource dataSource, ExecutionQuery query) {
        var sql = new StringBuilder("SELECT e.jobexecutionid");
        var values = new ArrayList<Object>();
        filtered(sql, values, query);
        if (query.beforeId() != null) {
            sql.append(" AND e.jobexecutionid < ?");
            values.add(query.beforeId());
        }
        sql.append(" ORDER BY e.jobexecutionid DESC LIMIT ?");
        values.add(query.limit());
        return longs(dataSource, sql.toString(), values);
    }

    static List<Long> executionIdsRunningFirst(DataSource dataSource, ExecutionQuery query, int offset) {
        var sql = new StringBuilder("SELECT e.jobexecutionid");
        var values = new ArrayList<Object>();
        filtered(sql, values, query);
        sql.append(" ORDER BY ").append(RUNNING_FIRST).append(", e.jobexecutionid DESC LIMIT ? OFFSET ?");
        values.add(query.limit());
        values.add(Math.max(0, offset));
        return longs(dataSource, sql.toString(), values);
    }

    static long count(DataSource dataSource, ExecutionQuery query) {
        var sql = new StringBuilder("SELECT count(*)");
        var values = new ArrayList<Object>();
        filtered(sql, values, query);
        return longs(dataSource, sql.toString(), values).get(0);
    }

    static List<String> jobNames(DataSource dataSource) {
        var names = new ArrayList<String>();
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT DISTINCT jobname FROM public.job_instance ORDER BY jobname");
             var rows = statement.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list job names: " + e.getMessage(), e);
        }
    }

    /**
     * The newest execution of each job instance, where that newest one is FAILED or STOPPED: what can be restarted.
     * One QUEUED for capacity is left to QueuedExecutions, which starts it when a slot frees.
     */
    static List<Long> restartableExecutionIds(DataSource dataSource) {
        return longs(dataSource, "SELECT e.jobexecutionid FROM public.job_execution e"
                + " WHERE e.batchstatus IN ('FAILED', 'STOPPED') AND e.exitstatus IS DISTINCT FROM 'QUEUED' AND e.jobexecutionid = (SELECT max(n.jobexecutionid)"
                + " FROM public.job_execution n WHERE n.jobinstanceid = e.jobinstanceid) ORDER BY e.jobexecutionid", List.of());
    }

    private static void filtered(StringBuilder sql, List<Object> values, ExecutionQuery query) {
        sql.append(" FROM public.job_execution e JOIN public.job_instance i ON i.jobinstanceid = e.jobinstanceid WHERE 1 = 1");
        if (query.jobName() != null) {
            sql.append(" AND i.jobname = ?");
            values.add(query.jobName());
        }
        if (query.status() != null) {
            sql.append(" AND e.batchstatus = ?");
            values.add(query.status());
        }
        if (query.createdFrom() != null) {
            sql.append(" AND e.createtime >= ?");
            values.add(Timestamp.from(query.createdFrom()));
        }
        if (query.createdTo() != null) {
            sql.append(" AND e.createtime < ?");
            values.add(Timestamp.from(query.createdTo()));
        }
    }

    private static List<Long> longs(DataSource dataSource, String sql, List<Object> values) {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            var ids = new ArrayList<Long>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list job executions: " + e.getMessage(), e);
        }
    }
}
