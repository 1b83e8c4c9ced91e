package dev.orion.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness means "send me traffic", and a node serves without these two: emails wait in the outbox until the SMTP
 * relay answers, and without Redis rate limits fall back to each node's own and keyed POSTs answer 503. Taking every
 * node out of the load balancer for either would turn a degraded service into none. So this check is always UP and
 * says in its data how each one is; the gauge {@code orion_dependency_up} and one WARN line per change
 * ({@code DependencyWatch}) tell operators. (WildFly's management interface serves no {@code /health/group}, so a
 * separate health group is not an option there.)
 */
@Readiness
@ApplicationScoped
public class OptionalDependenciesCheck implements HealthCheck {

    @Inject
    SmtpProbe smtp;

    @Inject
    RedisProbe redis;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("optional-dependencies").up()
                .withData("smtp", describe(smtp.call()))
                .withData("redis", describe(redis.call()))
                .build();
    }

    private static String describe(HealthCheckResponse probe) {
        var data = probe.getData().orElse(java.util.Map.of());
        Object detail = data.containsKey("target") ? data.get("target") : data.get("error");
        return probe.getStatus() + " " + detail;
    }
}
