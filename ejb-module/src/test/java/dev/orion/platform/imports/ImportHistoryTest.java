package dev.orion.platform.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.platform.jobs.BatchJobs;
import dev.orion.platform.jobs.ExecutionQuery;
import dev.orion.platform.jobs.JobExecutionView;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportHistoryTest {

    private static final List<String> JOBS = List.of("product-import", "order-import");

    private static JobExecutionView execution(long id, long instance, String job, long vendor, String status) {
        return new JobExecutionView(id, instance, job, status, status, Instant.EPOCH, Instant.EPOCH, null,
                Map.of("vendorId", Long.toString(vendor)), 0, 0, 0, 0);
    }

    /** Executions as the job repository answers: filtered by job name, newest first. */
    private static ImportHistory over(List<JobExecutionView> executions) {
        var history = new ImportHistory();
        history.jobs = (BatchJobs) Proxy.newProxyInstance(BatchJobs.class.getClassLoader(), new Class<?>[] {BatchJobs.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "executions" -> executions.stream().filter(e -> e.jobName().equals(((ExecutionQuery) args[0]).jobName()))
                            .sorted(Comparator.comparingLong(JobExecutionView::executionId).reversed()).toList();
                    case "latestExecution" -> executions.stream()
                            .filter(e -> e.instanceId() == executions.stream().filter(x -> x.executionId() == (long) args[0])
                                    .findFirst().map(JobExecutionView::instanceId).orElse(-1L))
                            .max(Comparator.comparingLong(JobExecutionView::executionId));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return history;
    }

    @Test
    void aRestartedImportIsListedOnceByItsFirstExecutionWithTheNewestStatus() {
        var history = over(List.of(execution(10, 1, "product-import", 7, "FAILED"), execution(12, 1, "product-import", 7, "COMPLETED"),
                execution(11, 2, "order-import", 7, "STARTED")));

        List<ImportRun> runs = history.recent(JOBS, 7L, 20);

        assertEquals(List.of(11L, 10L), runs.stream().map(ImportRun::id).toList());
        assertEquals("COMPLETED", runs.get(1).latest().batchStatus());
        assertEquals(7L, runs.get(1).vendorId());
    }

    @Test
    void aVendorSeesOnlyItsOwnImportsAndPlatformStaffSeeAll() {
        var history = over(List.of(execution(10, 1, "product-import", 7, "COMPLETED"), execution(11, 2, "product-import", 8, "COMPLETED")));

        assertEquals(List.of(10L), history.recent(JOBS, 7L, 20).stream().map(ImportRun::id).toList());
        assertEquals(List.of(11L, 10L), history.recent(JOBS, null, 20).stream().map(ImportRun::id).toList());
        assertTrue(history.find(JOBS, 7L, 11).isEmpty(), "another vendor's import is not found");
        assertEquals(Optional.of(8L), history.find(JOBS, null, 11).map(ImportRun::vendorId));
    }

    @Test
    void otherJobsAreNotImports() {
        var history = over(List.of(execution(10, 1, "sales-report", 7, "COMPLETED")));

        assertTrue(history.find(JOBS, null, 10).isEmpty());
    }
}
