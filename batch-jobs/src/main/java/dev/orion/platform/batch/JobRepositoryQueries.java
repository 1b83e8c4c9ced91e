package dev.orion.platform.batch;

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

    static List<Long> executionIds(DataSource dataSource, ExecutionQuery query) {
        var sql = new StringBuilder("SELECT e.jobexecutionid FROM public.job_execution e"
                + " JOIN public.job_instance i ON i.jobinstanceid = e.jobinstanceid WHERE 1 = 1");
        var values = new ArrayList<Object>();
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
        if (query.beforeId() != null) {
            sql.append(" AND e.jobexecutionid < ?");
            values.add(query.beforeId());
        }
        sql.append(" ORDER BY e.jobexecutionid DESC LIMIT ?");
        values.add(query.limit());
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql.toString())) {
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
