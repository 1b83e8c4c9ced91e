package dev.orion.it.support;

import jakarta.json.JsonObject;
import java.util.Set;

/** Job executions as the API shows them (imports, reports, the batch monitor): whether one has ended. */
public final class JobStatus {

    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    private JobStatus() {
    }

    public static boolean ended(JsonObject execution) {
        return ENDED.contains(execution.getString("status"));
    }
}
