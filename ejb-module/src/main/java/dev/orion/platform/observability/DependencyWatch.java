package dev.orion.platform.observability;

import dev.orion.platform.health.DependencyState;
import dev.orion.platform.health.OptionalDependencies;
import dev.orion.platform.health.RedisProbe;
import dev.orion.platform.health.SmtpProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Watches the dependencies Orion serves without (the SMTP relay, Redis), which readiness deliberately leaves out:
 * every {@value #PERIOD_SECONDS} s it probes each one on the server's scheduler and publishes
 * {@code orion_dependency_up{dependency=...}} (1 or 0), and it logs one WARN line when one goes away and one when it
 * is back ({@link DependencyState}), never one per request. Readiness reports what it found last
 * ({@link OptionalDependencies}, in lib/, where the check can see it).
 */
@Singleton
@Startup
public class DependencyWatch {

    static final long PERIOD_SECONDS = 5;

    @Inject
    SmtpProbe smtp;

    @Inject
    RedisProbe redis;

    @Inject
    OptionalDependencies states;

    @Inject
    MeterRegistry meters;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    private OwnedGauges gauges;
    private ScheduledFuture<?> probing;

    @PostConstruct
    void start() {
        gauges = new OwnedGauges(meters);
        for (DependencyState state : states.all()) {
            gauges.add("orion.dependency.up", Tags.of("dependency", state.name()), state, DependencyState::gauge);
        }
        probing = scheduler.scheduleWithFixedDelay(this::probe, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        probing.cancel(false);
        gauges.removeAll();
    }

    private void probe() {
        observe(states.smtp(), smtp.call());
        observe(states.redis(), redis.call());
    }

    /** Records where it answered, or why not (the probe's own words). */
    private static void observe(DependencyState state, HealthCheckResponse probe) {
        boolean up = probe.getStatus() == HealthCheckResponse.Status.UP;
        var data = probe.getData().orElse(java.util.Map.of());
        Object detail = up ? data.get("target") : data.getOrDefault("error", "no answer");
        state.observe(up, String.valueOf(detail));
    }
}
