package dev.orion.platform.scheduling;

import java.util.Map;

/**
 * Work a schedule can run. Implementations are CDI beans in their own capability (housekeeping, nightly
 * reports, marketplace order imports); {@link #name()} is what a schedule's {@code task} names.
 */
public interface ScheduledTask {

    String name();

    /**
     * Runs once with the schedule's parameters, in a transaction of its own choosing.
     *
     * @return a one-line summary for the run history; an exception marks the run FAILED with its message
     */
    String run(Map<String, String> parameters);
}
