package dev.orion.platform.batch;

import dev.orion.platform.observability.OwnedGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** How many executions of each job run on this server now: the gauge {@code orion_job_running{job}}. */
@ApplicationScoped
public class RunningJobs {

    @Inject
    MeterRegistry meters;

    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private OwnedGauges gauges;

    @PostConstruct
    void start() {
        gauges = new OwnedGauges(meters);
    }

    public void started(String job) {
        count(job).incrementAndGet();
    }

    public void ended(String job) {
        count(job).decrementAndGet();
    }

    private AtomicInteger count(String job) {
        return running.computeIfAbsent(job, name -> {
            var count = new AtomicInteger();
            gauges.add("orion.job.running", Tags.of("job", name), count, AtomicInteger::get);
            return count;
        });
    }

    @PreDestroy
    void stop() {
        gauges.removeAll();
    }
}
