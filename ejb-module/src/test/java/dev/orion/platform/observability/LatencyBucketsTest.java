package dev.orion.platform.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyBucketsTest {

    @Test
    void labelsAreSecondsEndingWithInfinity() {
        List<String> labels = LatencyBuckets.labels();
        assertEquals("0.005", labels.get(0));
        assertEquals("1.0", labels.get(7));
        assertEquals("+Inf", labels.get(labels.size() - 1));
        assertEquals(LatencyBuckets.BOUNDS.size() + 1, labels.size());
    }

    @Test
    void aRequestCountsInTheSmallestBucketThatHoldsItAndEveryLargerOne() {
        assertEquals(0, LatencyBuckets.firstBucket(Duration.ofMillis(1).toNanos()));
        assertEquals(0, LatencyBuckets.firstBucket(Duration.ofMillis(5).toNanos()), "a bound is inclusive (le)");
        assertEquals(1, LatencyBuckets.firstBucket(Duration.ofMillis(5).toNanos() + 1));
        assertEquals(4, LatencyBuckets.firstBucket(Duration.ofMillis(80).toNanos()));
        assertEquals(LatencyBuckets.BOUNDS.size(), LatencyBuckets.firstBucket(Duration.ofSeconds(30).toNanos()), "only +Inf");
    }
}
