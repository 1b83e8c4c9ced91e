package dev.orion.platform.batch;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/** The parameters a running job was started (or restarted) with, for artifacts that hand them to a service. */
public final class JobParameters {

    private JobParameters() {
    }

    public static Map<String, String> of(JobContext job) {
        Properties parameters = BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
        return parameters.stringPropertyNames().stream().collect(Collectors.toMap(name -> name, parameters::getProperty));
    }
}
