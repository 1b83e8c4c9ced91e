package dev.orion.operations.batch.jberet;

import dev.orion.platform.jobs.JobInstancePurged;
import dev.orion.platform.retention.ExpiredDataPurge;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finished jobs leave JBeret's job repository after {@code ORION_RETENTION_JOB_EXECUTIONS}: a job instance goes,
 * with all its executions, steps and partitions (the tables cascade), once every execution of it has ended
 * (COMPLETED, FAILED, STOPPED, ABANDONED) before the cutoff. An instance is restarted from its last execution, so
 * its executions go together; one still running, or ended within the retention, keeps the whole instance. Each
 * purged instance is announced ({@link JobInstancePurged}) so the capabilities drop the files they kept for it.
 * It runs in the last pass, after the purges that look their data up by job instance.
 */
@ApplicationScoped
public class JobExecutionsPurge implements ExpiredDataPurge {

    @Resource(lookup = "java:jboss/datasources/OrionDS")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "orion.retention.job-executions", defaultValue = "P30D")
    Duration jobRetention;

    @Inject
    Event<JobInstancePurged> purgedEvent;

    @Override
    public int pass() {
        return 1;
    }

    @Override
    public Purged purgeExpired(OffsetDateTime now, int limit) {
        List<JobInstancePurged> purged = new ArrayList<>();
        try (var connection = dataSource.getConnection()) {
            try (var select = connection.prepareStatement("SELECT i.jobinstanceid, i.jobname, (SELECT f.jobparameters FROM public.job_execution f"
                    + " WHERE f.jobinstanceid = i.jobinstanceid ORDER BY f.jobexecutionid LIMIT 1) FROM public.job_instance i"
                    + " WHERE EXISTS (SELECT 1 FROM public.job_execution e WHERE e.jobinstanceid = i.jobinstanceid)"
                    + " AND NOT EXISTS (SELECT 1 FROM public.job_execution e WHERE e.jobinstanceid = i.jobinstanceid AND (e.endtime IS NULL"
                    + " OR e.endtime >= ? OR e.batchstatus IS NULL OR e.batchstatus NOT IN ('COMPLETED', 'FAILED', 'STOPPED', 'ABANDONED')))"
                    + " ORDER BY i.jobinstanceid LIMIT ?")) {
                select.setObject(1, now.minus(jobRetention));
                select.setInt(2, limit);
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        purged.add(new JobInstancePurged(rows.getLong(1), rows.getString(2), parameters(rows.getString(3))));
                    }
                }
            }
            if (purged.isEmpty()) {
                return new Purged(0, "finished job(s)");
            }
            try (var delete = connection.prepareStatement("DELETE FROM public.job_instance WHERE jobinstanceid = ANY (?)")) {
                delete.setArray(1, connection.createArrayOf("bigint", purged.stream().map(JobInstancePurged::instanceId).toArray()));
                delete.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not purge finished jobs: " + e.getMessage(), e);
        }
        purged.forEach(purgedEvent::fire);
        return new Purged(purged.size(), "finished job(s)");
    }

    /** JBeret keeps an execution's parameters in the properties file format. */
    private static Map<String, String> parameters(String stored) {
        var properties = new Properties();
        if (stored != null) {
            try {
                properties.load(new StringReader(stored));
            } catch (IOException | IllegalArgumentException e) {
                return Map.of(); // unreadable parameters name no file; the rows go all the same
            }
        }
        Map<String, String> parameters = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> parameters.put(name, properties.getProperty(name)));
        return parameters;
    }
}
