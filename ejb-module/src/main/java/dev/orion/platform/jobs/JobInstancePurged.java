package dev.orion.platform.jobs;

import java.util.Map;

/**
 * A job instance and all its executions have been deleted from the job repository past their retention, in the
 * transaction this event is fired in. Capabilities observe it to drop what they kept for that job (files in storage),
 * preferably after the transaction commits.
 *
 * @param parameters the job parameters of its first execution
 */
public record JobInstancePurged(long instanceId, String jobName, Map<String, String> parameters) {
}
