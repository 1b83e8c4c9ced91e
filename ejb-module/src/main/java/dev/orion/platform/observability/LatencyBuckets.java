package dev.orion.platform.observability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cumulative latency buckets of a Prometheus histogram, kept as counters: WildFly hands deployments a
 * registry that only takes plain meters (no histogram settings), so the buckets are counted here. A request
 * that took {@code d} counts in every bucket whose upper bound {@code le} is at least {@code d}, and in
 * {@code +Inf}, which is what {@code histogram_quantile} expects.
 */
public final class LatencyBuckets {

    /** From a cached read to a slow export. */
    public static final List<Duration> BOUNDS = List.of(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10));

    private LatencyBuckets() {
    }

    /** The {@code le} labels, in seconds as Prometheus writes them, ending with {@code +Inf}. */
    public static List<String> labels() {
        var labels = new ArrayList<String>();
        for (Duration bound : BOUNDS) {
            labels.add(String.format(Locale.ROOT, "%s", bound.toNanos() / 1e9));
        }
        labels.add("+Inf");
        return labels;
    }

    /** The index (in {@link #labels()}) of the smallest bucket a request of this duration counts in; it counts in every later one too. */
    public static int firstBucket(long nanos) {
        for (int i = 0; i < BOUNDS.size(); i++) {
            if (nanos <= BOUNDS.get(i).toNanos()) {
                return i;
            }
        }
        return BOUNDS.size(); // only +Inf
    }
}
