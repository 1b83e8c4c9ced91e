package dev.orion.platform.imports;

import dev.orion.platform.batch.JobExecutionView;

/**
 * An import as users follow it: its id (the first execution's), the vendor it is for, and its newest
 * execution, which carries the status and counts after a restart.
 */
public record ImportRun(long id, long vendorId, JobExecutionView latest) {

    public String jobName() {
        return latest.jobName();
    }
}
