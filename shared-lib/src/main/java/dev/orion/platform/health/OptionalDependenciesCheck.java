package dev.orion.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness means "send me traffic", and a node serves without these two: emails wait in the outbox until the SMTP
 * relay answers, and without Redis rate limits fall back to each node's own. Taking every
 * node out of the load balancer for either would turn a degraded service into none. So this check is always UP and
 * says in its data how each one was at the watch's last probe ({@link OptionalDependencies}, probed every 5 s by
 * {@code DependencyWatch}): a health call asks neither of them itself. The gauge {@code orion_dependency_up} and one
 * WARN line per change tell operators. (WildFly's management interface serves no {@code /health/group}, so a
 * separate health group is not an option there.)
 */
@Readiness
@ApplicationScoped
public class OptionalDependenciesCheck implements HealthCheck {

    @Inject
    OptionalDependencies dependencies;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("optional-dependencies").up();
        for (DependencyState state : dependencies.all()) {
            response.withData(state.name(), state.describe());
        }
        return response.build();
    }
}
