package dev.orion.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Startup (/health/started): UP once Orion is deployed. The check exists only with the deployment, and the
 * server answers DOWN while there is no startup check (orion.cli), so before the deployment, or after a failed
 * one, a startup probe keeps failing instead of letting an Orion-less server pass.
 */
@Startup
@ApplicationScoped
public class DeployedStartupCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("orion-deployed");
    }
}
