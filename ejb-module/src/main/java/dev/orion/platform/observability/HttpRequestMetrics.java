package dev.orion.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The request meters of one web module: a timer ({@code orion_http_requests_seconds_count/_sum/_max}) and
 * the latency buckets ({@code orion_http_requests_latency_total{le}}) per method, route and status. The
 * meters of a series are looked up once and kept: the registry's own look-up scans every meter.
 */
final class HttpRequestMetrics {

    private record Series(String method, String route, String status) {
    }

    private record Meters(Timer timer, List<Counter> buckets) {
    }

    private final MeterRegistry registry;
    private final Map<Series, Meters> series = new ConcurrentHashMap<>();

    HttpRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String method, String route, int status, long nanos) {
        Meters meters = series.computeIfAbsent(new Series(method, route, Integer.toString(status)), this::register);
        meters.timer().record(nanos, TimeUnit.NANOSECONDS);
        for (int i = LatencyBuckets.firstBucket(nanos); i < meters.buckets().size(); i++) {
            meters.buckets().get(i).increment();
        }
    }

    private Meters register(Series s) {
        Tags tags = Tags.of("method", s.method(), "route", s.route(), "status", s.status());
        return new Meters(registry.timer("orion.http.requests", tags),
                LatencyBuckets.labels().stream().map(le -> registry.counter("orion.http.requests.latency", tags.and("le", le))).toList());
    }
}
