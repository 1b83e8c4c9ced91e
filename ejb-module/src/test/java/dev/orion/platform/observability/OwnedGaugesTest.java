package dev.orion.platform.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OwnedGaugesTest {

    @Test
    void aStoppedOwnersGaugesAreGoneAndTheNextOwnerReadsItsOwnSource() {
        var registry = new SimpleMeterRegistry();
        var first = new AtomicInteger(3);
        var gauges = new OwnedGauges(registry);
        gauges.add("orion.test.gauge", Tags.of("job", "a"), first, AtomicInteger::get);
        assertEquals(3, registry.get("orion.test.gauge").gauge().value());

        gauges.removeAll();
        assertNull(registry.find("orion.test.gauge").gauge());

        var second = new AtomicInteger(7);
        new OwnedGauges(registry).add("orion.test.gauge", Tags.of("job", "a"), second, AtomicInteger::get);
        assertEquals(7, registry.get("orion.test.gauge").gauge().value());
    }
}
