package dev.orion.platform.imports;

import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.storage.StorageBackend;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Stream;
import dev.orion.platform.csv.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hibernate.jpa.HibernateHints;

/**
 * The rows an import rejected and the warnings about data it dropped, as a report users can download. Recorded in the caller's transaction (the
 * batch chunk's), so they are kept exactly when the chunk commits.
 */
@Stateless
public class ImportIssues {

    static final String[] HEADER = {"line", "column", "value", "reason", "severity"};
    /** import_issues.reason is VARCHAR(500); column_name VARCHAR(100). */
    private static final int MAX_REASON = 400;
    private static final int MAX_COLUMN = 80;

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageBackend storage;

    public void rejected(long jobInstanceId, long vendorId, RejectedRowException row) {
        record(jobInstanceId, vendorId, new RowWarning(row.line(), row.column(), row.value(), row.reason()), "rejected");
    }

    public void warned(long jobInstanceId, long vendorId, RowWarning warning) {
        record(jobInstanceId, vendorId, warning, "warning");
    }

    private void record(long jobInstanceId, long vendorId, RowWarning issue, String severity) {
        // a value (or a reason quoting one) is echoed only as a short, marked excerpt: never a whole line or file
        String value = Excerpt.of(issue.value());
        em.createNativeQuery("INSERT INTO import_issues (job_instance_id, vendor_id, line_no, column_name, value, reason, severity)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, jobInstanceId).setParameter(2, vendorId).setParameter(3, issue.line())
                .setParameter(4, Excerpt.of(issue.column(), MAX_COLUMN)).setParameter(5, value).setParameter(6, Excerpt.of(issue.reason(), MAX_REASON))
                .setParameter(7, severity)
                .executeUpdate();
    }

    /** The first {@code limit} rejected rows and warnings of an import, in line order, for a page to show. */
    @SuppressWarnings("unchecked")
    public List<ImportIssue> first(long jobInstanceId, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT line_no, column_name, value, reason, severity"
                        + " FROM import_issues WHERE job_instance_id = ?1 ORDER BY line_no, id")
                .setParameter(1, jobInstanceId).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new ImportIssue(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4])).toList();
    }

    /** Where an ended import's report is kept. */
    static String reportKey(long jobInstanceId) {
        return "import-reports/" + jobInstanceId + ".csv";
    }

    /** Keeps the report of an import that has ended in storage (again after each restart), as users download it. */
    public void store(long jobInstanceId) {
        try (var out = new OutputStreamWriter(storage.create(reportKey(jobInstanceId)), StandardCharsets.UTF_8)) {
            writeCsv(jobInstanceId, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the import report", e);
        }
    }

    /** Writes the report: the stored file once the import has ended, the rows recorded so far while it runs. */
    public void writeReport(JobExecutionView execution, Writer out) {
        String key = reportKey(execution.instanceId());
        if (execution.finished() && storage.exists(key)) {
            try (var in = new InputStreamReader(storage.open(key), StandardCharsets.UTF_8)) {
                in.transferTo(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the import report", e);
            }
        } else {
            writeCsv(execution.instanceId(), out);
        }
    }

    /**
     * Writes the report as CSV (line, column, value, reason, severity), in line order. Rows are streamed from
     * the database: warnings are not bounded by the skip limit, so a report can be as long as its feed.
     */
    @SuppressWarnings("unchecked")
    void writeCsv(long jobInstanceId, Writer out) {
        try (Stream<Object[]> rows = em.createNativeQuery("SELECT line_no, column_name, value, reason, severity"
                        + " FROM import_issues WHERE job_instance_id = ?1 ORDER BY line_no, id")
                .setParameter(1, jobInstanceId).setHint(HibernateHints.HINT_FETCH_SIZE, 1000).getResultStream()) {
            var csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
            for (Object[] row : (Iterable<Object[]>) rows::iterator) {
                csv.printRecord(CsvCells.safe(row));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
