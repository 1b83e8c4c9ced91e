package dev.orion.platform.imports;

import dev.orion.platform.jobs.JobExecutionView;
import java.io.Serializable;

/**
 * An import as users follow it: its id (the first execution's), the vendor it is for, and its newest
 * execution, which carries the status and counts after a restart.
 */
public record ImportRun(long id, long vendorId, JobExecutionView latest) implements Serializable {

    public String jobName() {
        return latest.jobName();
    }
}
