package dev.orion.platform.observability;

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
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Watches the dependencies Orion serves without (the SMTP relay, Redis), which readiness deliberately leaves out:
 * every {@value #PERIOD_SECONDS} s it probes each one on the server's scheduler and publishes
 * {@code orion_dependency_up{dependency=...}} (1 or 0), and it logs one WARN line when one goes away and one when it
 * is back ({@link DependencyState}), never one per request.
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
    MeterRegistry meters;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    private final DependencyState smtpState = new DependencyState("smtp", "The SMTP relay",
            "emails wait in the outbox and go out once it answers");
    private final DependencyState redisState = new DependencyState("redis", "Redis",
            "rate limits fall back to each node's own");
    private OwnedGauges gauges;
    private ScheduledFuture<?> probing;

    @PostConstruct
    void start() {
        gauges = new OwnedGauges(meters);
        for (DependencyState state : List.of(smtpState, redisState)) {
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
        observe(smtpState, smtp.call());
        observe(redisState, redis.call());
    }

    private static void observe(DependencyState state, HealthCheckResponse probe) {
        boolean up = probe.getStatus() == HealthCheckResponse.Status.UP;
        state.observe(up, up ? null : String.valueOf(probe.getData().map(d -> d.get("error")).orElse("no answer")));
    }
}
