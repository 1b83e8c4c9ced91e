package dev.orion.platform.imports;

import dev.orion.platform.jobs.BatchJobs;
import dev.orion.platform.jobs.ExecutionQuery;
import dev.orion.platform.jobs.JobExecutionView;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The imports (of products, of orders) a user may follow: one vendor's, or every vendor's for platform staff.
 * Shared by the console's imports page whatever the kind of feed.
 */
@Stateless
public class ImportHistory {

    /**
     * How many of each job's newest executions are looked through for a list: the vendor is a job parameter,
     * which the job repository cannot filter on, so a vendor's older imports drop out of the "recent" list.
     */
    static final int SCAN = 100;

    @EJB
    BatchJobs jobs;

    /** The newest imports of the given jobs, newest first; {@code vendorScope} null means every vendor's. */
    public List<ImportRun> recent(Collection<String> jobNames, Long vendorScope, int limit) {
        var executions = new ArrayList<JobExecutionView>();
        for (String job : jobNames) {
            executions.addAll(jobs.executions(new ExecutionQuery(job, null, null, null, null, SCAN)));
        }
        // a restarted import has several executions: it is known by its first, it stands where its newest is
        Map<Long, List<JobExecutionView>> byInstance = new LinkedHashMap<>();
        executions.stream().filter(e -> inScope(e, vendorScope))
                .forEach(e -> byInstance.computeIfAbsent(e.instanceId(), k -> new ArrayList<>()).add(e));
        return byInstance.values().stream()
                .map(ImportHistory::run)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingLong(ImportRun::id).reversed())
                .limit(limit)
                .toList();
    }

    /** The import {@code importId} (its first execution's id) if it is one of these jobs and in the caller's scope. */
    public Optional<ImportRun> find(Collection<String> jobNames, Long vendorScope, long importId) {
        return jobs.latestExecution(importId)
                .filter(e -> jobNames.contains(e.jobName()) && inScope(e, vendorScope))
                .flatMap(e -> vendorOf(e).map(vendor -> new ImportRun(importId, vendor, e)));
    }

    private static Optional<ImportRun> run(List<JobExecutionView> executions) {
        var first = executions.stream().min(Comparator.comparingLong(JobExecutionView::executionId)).orElseThrow();
        var newest = executions.stream().max(Comparator.comparingLong(JobExecutionView::executionId)).orElseThrow();
        return vendorOf(newest).map(vendor -> new ImportRun(first.executionId(), vendor, newest));
    }

    private static boolean inScope(JobExecutionView execution, Long vendorScope) {
        return vendorScope == null || Objects.equals(vendorScope.toString(), execution.parameters().get(ImportExecutions.VENDOR_ID));
    }

    private static Optional<Long> vendorOf(JobExecutionView execution) {
        try {
            return Optional.of(Long.valueOf(execution.parameters().get(ImportExecutions.VENDOR_ID)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
