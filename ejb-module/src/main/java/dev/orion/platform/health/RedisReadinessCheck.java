package dev.orion.platform.health;

import dev.orion.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements HealthCheck {

    @Inject
    RedisConnection redis;

    @Override
    public HealthCheckResponse call() {
        return Probe.run("redis", () -> {
            var bucket = redis.client().getBucket("orion:health:probe");
            bucket.set(String.valueOf(System.currentTimeMillis()), java.time.Duration.ofMinutes(1));
            if (bucket.get() == null) {
                throw new IllegalStateException("probe key was not readable back");
            }
            return "reachable";
        });
    }
}
