package dev.orion.platform.batch;

import dev.orion.platform.observability.OwnedGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executions that run on this server now: how many of each job (the gauge {@code orion_job_running{job}}) and
 * which, for a server that must stop them all (a fenced one, see operations' FencedExecutions).
 */
@ApplicationScoped
public class RunningJobs {

    @Inject
    MeterRegistry meters;

    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Set<Long> executions = ConcurrentHashMap.newKeySet();
    private OwnedGauges gauges;

    @PostConstruct
    void start() {
        gauges = new OwnedGauges(meters);
    }

    public void started(String job, long executionId) {
        executions.add(executionId);
        count(job).incrementAndGet();
    }

    public void ended(String job, long executionId) {
        executions.remove(executionId);
        count(job).decrementAndGet();
    }

    /** The ids of the executions running here now. */
    public List<Long> executionIds() {
        return List.copyOf(executions);
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
