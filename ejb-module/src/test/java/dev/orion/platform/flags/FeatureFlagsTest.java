package dev.orion.platform.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.platform.redis.RedisGuard;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flag checks never fail for want of Redis or the database: they fall back to the database, then to what they hold. */
class FeatureFlagsTest {

    private static final FeatureFlag IMPORTS = new FeatureFlag("orders.imports", "Marketplace order imports", true);

    private final Map<String, Boolean> rows = new HashMap<>();
    private int databaseReads;
    private boolean databaseDown;
    private final FeatureFlags flags = new FeatureFlags();

    @BeforeEach
    void redisDownDatabaseUp() {
        flags.cacheSeconds = 30;
        flags.guard = new RedisGuard() {
            @Override
            public <T> T call(Supplier<T> redisWork) {
                throw new IllegalStateException("Redis is down");
            }
        };
        flags.store = new FlagSettingStore() {
            @Override
            public FlagSnapshot snapshot() {
                if (databaseDown) {
                    throw new IllegalStateException("database is down");
                }
                databaseReads++;
                return new FlagSnapshot(System.currentTimeMillis(), rows);
            }
        };
    }

    @Test
    void withRedisDownTheDatabaseAnswersOncePerTtl() {
        rows.put("orders.imports@7", false);
        assertFalse(flags.isOn(IMPORTS, 7L));
        assertTrue(flags.isOn(IMPORTS, 8L), "no override: the default");
        assertThrows(FeatureOffException.class, () -> flags.require(IMPORTS, 7L));
        assertEquals(1, databaseReads, "the memory copy answers within the TTL");
    }

    @Test
    void withTheDatabaseDownTheLastValuesReadKeepAnswering() {
        flags.cacheSeconds = 0; // every check would read again
        rows.put("orders.imports", false);
        assertFalse(flags.isOn(IMPORTS, 7L));
        databaseDown = true;
        assertFalse(flags.isOn(IMPORTS, 7L), "the platform value read before the outage, not the default");
    }

    @Test
    void withNothingEverReadTheDefaultsAnswer() {
        databaseDown = true;
        assertTrue(flags.isOn(IMPORTS, 7L));
    }
}
