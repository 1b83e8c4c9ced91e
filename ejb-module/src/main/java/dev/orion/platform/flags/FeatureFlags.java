package dev.orion.platform.flags;

import dev.orion.platform.redis.RedisConnection;
import dev.orion.platform.redis.RedisGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RBucket;

/**
 * Whether a capability's switch is on for a vendor: its override, else the platform value, else the flag's default.
 * The values are read from a copy in memory, refilled from Redis, refilled from the database; each copy lives for
 * {@code ORION_FLAGS_CACHE_SECONDS} (default 30) counted from when the database was read, so a change made on any
 * server reaches every server within that time. Redis down costs a database read per TTL, not a failed feature;
 * the database down keeps the last values in memory (or the defaults) until it answers again.
 */
@ApplicationScoped
public class FeatureFlags {

    static final String REDIS_KEY = "orion:feature-flags";
    /** After the database failed to answer, how long the values in hand are served before it is asked again. */
    private static final long RETRY_MILLIS = 2_000;
    private static final FlagSnapshot DEFAULTS = new FlagSnapshot(0, Map.of());
    private static final Logger LOG = Logger.getLogger(FeatureFlags.class.getName());

    @Inject
    @ConfigProperty(name = "orion.flags.cache.seconds", defaultValue = "30")
    int cacheSeconds;

    @Inject
    FlagSettingStore store;

    @Inject
    RedisConnection redis;

    @Inject
    RedisGuard guard;

    @Inject
    @Any
    Instance<FeatureFlagCatalog> catalogs;

    private volatile FlagSnapshot memory;
    private long retryAt;
    private boolean databaseFailing;

    public boolean isOn(FeatureFlag flag, Long vendorId) {
        return current().value(flag.name(), vendorId).orElse(flag.onByDefault());
    }

    /** Refuses with {@link FeatureOffException} (403 {@code feature-off}) when the flag is off for the vendor. */
    public void require(FeatureFlag flag, Long vendorId) {
        if (!isOn(flag, vendorId)) {
            throw new FeatureOffException(flag, vendorId);
        }
    }

    /** Every flag the capabilities declare, by name. */
    public List<FeatureFlag> declared() {
        return catalogs.stream().flatMap(catalog -> catalog.flags().stream())
                .sorted(Comparator.comparing(FeatureFlag::name)).toList();
    }

    public Optional<FeatureFlag> declared(String name) {
        return declared().stream().filter(flag -> flag.name().equals(name)).findFirst();
    }

    /**
     * A flag was changed on this server: forget the copies once the change is committed, so this server reads it
     * at once. Other servers drop their memory copy within one TTL and find Redis emptied or holding a newer copy.
     */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) FlagsChanged change) {
        synchronized (this) {
            memory = null;
            retryAt = 0;
        }
        try {
            guard.call(() -> bucket().delete());
        } catch (RuntimeException e) {
            LOG.warning(() -> "Feature flag " + change.name() + " changed, but its cached copy in Redis could not be "
                    + "dropped; other servers see the change within " + cacheSeconds + " s");
        }
    }

    private FlagSnapshot current() {
        FlagSnapshot cached = memory;
        if (cached != null && cached.freshAt(System.currentTimeMillis(), ttlMillis())) {
            return cached;
        }
        synchronized (this) { // one reload per server at a time; the others wait for it rather than all asking
            long now = System.currentTimeMillis();
            cached = memory;
            if (cached != null && cached.freshAt(now, ttlMillis())) {
                return cached;
            }
            if (now < retryAt) {
                return cached == null ? DEFAULTS : cached;
            }
            FlagSnapshot loaded = fromRedis(now).orElse(null);
            if (loaded == null) {
                loaded = fromDatabase().orElse(null);
                if (loaded == null) {
                    retryAt = now + RETRY_MILLIS;
                    return cached == null ? DEFAULTS : cached;
                }
                toRedis(loaded);
            }
            memory = loaded;
            return loaded;
        }
    }

    private Optional<FlagSnapshot> fromRedis(long now) {
        try {
            String json = guard.call(() -> bucket().get());
            return Optional.ofNullable(json).map(FlagSnapshot::fromJson).filter(s -> s.freshAt(now, ttlMillis()));
        } catch (RuntimeException e) {
            // Redis down (RedisGuard logged it) or its breaker open: the database answers instead
            LOG.log(Level.FINE, "Feature flags not read from Redis", e);
            return Optional.empty();
        }
    }

    private Optional<FlagSnapshot> fromDatabase() {
        try {
            FlagSnapshot loaded = store.snapshot();
            if (databaseFailing) {
                databaseFailing = false;
                LOG.info("Feature flags read from the database again");
            }
            return Optional.of(loaded);
        } catch (RuntimeException e) {
            if (!databaseFailing) {
                databaseFailing = true;
                LOG.warning(() -> "Feature flags cannot be read from the database (" + rootMessage(e)
                        + "); serving the last values read, or the defaults, until it answers");
            }
            return Optional.empty();
        }
    }

    private void toRedis(FlagSnapshot snapshot) {
        long remaining = snapshot.loadedAt() + ttlMillis() - System.currentTimeMillis();
        if (remaining <= 0) {
            return;
        }
        try {
            guard.call(() -> {
                bucket().set(snapshot.toJson(), Duration.ofMillis(remaining));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Feature flags not cached in Redis", e);
        }
    }

    private RBucket<String> bucket() {
        return redis.client().getBucket(REDIS_KEY);
    }

    private long ttlMillis() {
        return Math.max(0, cacheSeconds) * 1000L;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
