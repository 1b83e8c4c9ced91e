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
    /** Example lines shown per group of issues. */
    public static final int EXAMPLES = 3;

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageBackend storage;

    public void rejected(long jobInstanceId, long vendorId, RejectedRowException row) {
        rejected(jobInstanceId, vendorId, row, true);
    }

    /**
     * Records a rejected row. With {@code forProduct} false (a dry run) the issue is in the import's report only,
     * never among the product's open issues.
     */
    public void rejected(long jobInstanceId, long vendorId, RejectedRowException row, boolean forProduct) {
        record(jobInstanceId, vendorId, new RowWarning(row.line(), row.column(), row.value(), row.code(), row.reason(),
                forProduct ? row.sku() : null), "rejected");
    }

    public void warned(long jobInstanceId, long vendorId, RowWarning warning) {
        warned(jobInstanceId, vendorId, warning, true);
    }

    public void warned(long jobInstanceId, long vendorId, RowWarning warning, boolean forProduct) {
        record(jobInstanceId, vendorId, forProduct ? warning : new RowWarning(warning.line(), warning.column(),
                warning.value(), warning.code(), warning.reason()), "warning");
    }

    private void record(long jobInstanceId, long vendorId, RowWarning issue, String severity) {
        if (issue.sku() != null) { // this import is now the product's latest: the issues of earlier ones are closed
            closeEarlier(jobInstanceId, vendorId, new String[] {issue.sku()});
        }
        // a value (or a reason quoting one) is echoed only as a short, marked excerpt: never a whole line or file
        String value = Excerpt.of(issue.value());
        em.createNativeQuery("INSERT INTO import_issues (job_instance_id, vendor_id, line_no, column_name, value, reason, severity, code, sku)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, jobInstanceId).setParameter(2, vendorId).setParameter(3, issue.line())
                .setParameter(4, Excerpt.of(issue.column(), MAX_COLUMN)).setParameter(5, value).setParameter(6, Excerpt.of(issue.reason(), MAX_REASON))
                .setParameter(7, severity).setParameter(8, (issue.code() == null ? IssueCode.OTHER : issue.code()).code())
                .setParameter(9, issue.sku())
                .executeUpdate();
    }

    /**
     * The products of a chunk an import wrote (or found unchanged): their open issues from earlier imports are
     * closed, in the chunk's transaction. One statement for the chunk, through the partial index of open issues.
     * It first asks whether the vendor has any open issue at all (the first entry of that index for the vendor,
     * looked up once: not filtered by import, so never a long scan): when none, as for most imports, the chunk's
     * SKUs are neither cast to an array nor looked up one by one (0.8 ms instead of 2.4 ms for a 5,000-row chunk,
     * about 3 % of an unchanged re-import's chunk: docs/performance.md).
     */
    public void closeEarlier(long jobInstanceId, long vendorId, String[] skus) {
        em.createNativeQuery("UPDATE import_issues SET resolved_at = now() WHERE vendor_id = ?1 AND sku = ANY(CAST(?2 AS text[]))"
                        + " AND job_instance_id <> ?3 AND resolved_at IS NULL AND sku IS NOT NULL"
                        + " AND EXISTS (SELECT 1 FROM import_issues o WHERE o.vendor_id = ?1 AND o.resolved_at IS NULL AND o.sku IS NOT NULL)")
                .setParameter(1, vendorId).setParameter(2, arrayLiteral(skus)).setParameter(3, jobInstanceId)
                .executeUpdate();
    }

    /** The first {@code limit} rejected rows and warnings of an import, in line order, for a page to show. */
    @SuppressWarnings("unchecked")
    public List<ImportIssue> first(long jobInstanceId, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT line_no, column_name, value, reason, severity, code"
                        + " FROM import_issues WHERE job_instance_id = ?1 ORDER BY line_no, id")
                .setParameter(1, jobInstanceId).setMaxResults(limit).getResultList();
        return rows.stream().map(ImportIssues::issue).toList();
    }

    /**
     * An import's issues grouped by code, attribute and severity, the largest groups first, each with its first
     * {@link #EXAMPLES} lines: what Google Merchant Center shows as item issues.
     */
    @SuppressWarnings("unchecked")
    public List<IssueGroup> summary(long jobInstanceId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT line_no, column_name, value, reason, severity, code, n FROM (
                            SELECT line_no, column_name, value, reason, severity, code,
                                   count(*) OVER g AS n, row_number() OVER (g ORDER BY line_no, id) AS k
                            FROM import_issues WHERE job_instance_id = ?1
                            WINDOW g AS (PARTITION BY code, column_name, severity)) t
                        WHERE k <= ?2 ORDER BY n DESC, code, column_name, severity, k""")
                .setParameter(1, jobInstanceId).setParameter(2, EXAMPLES).getResultList();
        var groups = new java.util.LinkedHashMap<List<String>, List<Object[]>>();
        for (Object[] row : rows) {
            groups.computeIfAbsent(java.util.Arrays.asList((String) row[5], (String) row[1], (String) row[4]), k -> new java.util.ArrayList<>()).add(row);
        }
        return groups.entrySet().stream().map(g -> {
            String code = g.getKey().get(0);
            return new IssueGroup(code, g.getKey().get(1), g.getKey().get(2), ((Number) g.getValue().get(0)[6]).longValue(),
                    IssueCode.of(code).orElse(IssueCode.OTHER).explanation(), g.getValue().stream().map(ImportIssues::issue).toList());
        }).toList();
    }

    /** The open issues of a vendor's product: those of the latest import that named it, unless a later one fixed them. */
    @SuppressWarnings("unchecked")
    public List<OpenIssue> openFor(long vendorId, String sku) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT i.line_no, i.column_name, i.value, i.reason, i.severity, i.code,
                               coalesce((SELECT min(e.jobexecutionid) FROM public.job_execution e WHERE e.jobinstanceid = i.job_instance_id), 0), i.created_at
                        FROM import_issues i WHERE i.vendor_id = ?1 AND i.sku = ?2 AND i.resolved_at IS NULL
                        ORDER BY i.id""")
                .setParameter(1, vendorId).setParameter(2, sku).getResultList();
        return rows.stream().map(r -> new OpenIssue(((Number) r[6]).longValue(), issue(r), toInstant(r[7]))).toList();
    }

    private static java.time.Instant toInstant(Object value) {
        if (value instanceof java.time.Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return value instanceof java.sql.Timestamp time ? time.toInstant() : null;
    }

    /** A {@code text[]} literal, every element quoted, so any SKU stays one element. */
    static String arrayLiteral(String[] values) {
        var literal = new java.util.StringJoiner(",", "{", "}");
        for (String value : values) {
            literal.add('"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return literal.toString();
    }

    private static ImportIssue issue(Object[] r) {
        return new ImportIssue(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5]);
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
