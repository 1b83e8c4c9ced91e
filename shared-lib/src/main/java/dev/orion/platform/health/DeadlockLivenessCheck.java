package dev.orion.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness asks only whether this JVM can still make progress: a deadlock needs a restart, a stopped
 * database does not (that is readiness).
 */
@Liveness
@ApplicationScoped
public class DeadlockLivenessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        var response = HealthCheckResponse.named("threads");
        return deadlocked == null
                ? response.up().build()
                : response.down().withData("deadlocked", deadlocked.length).build();
    }
}
