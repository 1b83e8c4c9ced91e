package dev.orion.platform.jobs;

import java.time.Instant;

/** Which job executions to list: every field but {@code limit} is optional. Results come newest first. */
public record ExecutionQuery(String jobName, String status, Instant createdFrom, Instant createdTo,
                             Long beforeId, int limit) {
}
