package dev.orion.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Gauges that belong to one component and are removed when it stops. WildFly keeps a deployment's meters
 * across a redeployment and hands an existing gauge back instead of registering a new one; that old gauge
 * would read an object of the undeployed application (weakly held, soon NaN). Counters and timers need no
 * such care: the redeployed application simply continues them.
 */
public final class OwnedGauges {

    private record Key(String name, Tags tags) {
    }

    private final MeterRegistry registry;
    private final List<Key> owned = new ArrayList<>();

    public OwnedGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers a gauge reading {@code source}; keep {@code source} referenced as long as the owner lives. */
    public synchronized <T> void add(String name, Tags tags, T source, ToDoubleFunction<T> value) {
        registry.gauge(name, tags, source, value);
        owned.add(new Key(name, tags));
    }

    public synchronized void removeAll() {
        for (Key key : owned) {
            Gauge gauge = registry.find(key.name()).tags(key.tags()).gauge();
            if (gauge != null) {
                registry.remove(gauge);
            }
        }
        owned.clear();
    }
}
