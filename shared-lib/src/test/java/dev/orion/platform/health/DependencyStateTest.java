package dev.orion.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class DependencyStateTest {

    private static final Logger LOG = Logger.getLogger(DependencyStateTest.class.getName());

    private Instant now = Instant.parse("2026-12-06T10:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void anOutageIsOneLineWhenItStartsAndOneWhenItEnds() {
        var smtp = new DependencyState("smtp", "The SMTP relay", "emails wait in the outbox", LOG, clock);
        assertEquals(Double.NaN, smtp.gauge());

        assertNull(smtp.observe(true, null), "a dependency that answers from the start says nothing");
        assertEquals(1, smtp.gauge());
        assertEquals("The SMTP relay is unreachable (Connection refused): emails wait in the outbox", smtp.observe(false, "Connection refused"));
        assertEquals(0, smtp.gauge());
        for (int i = 0; i < 100; i++) {
            now = now.plusSeconds(5);
            assertNull(smtp.observe(false, "Connection refused"), "nothing while it stays down");
        }
        now = now.plus(Duration.ofSeconds(3));
        assertEquals("The SMTP relay is reachable again after 503 s", smtp.observe(true, null));
        assertNull(smtp.observe(true, null));
        assertEquals(1, smtp.gauge());
    }

    @Test
    void aDependencyDownAtStartIsReportedOnce() {
        var redis = new DependencyState("redis", "Redis", "rate limits are per node", LOG, clock);
        assertEquals("Redis is unreachable (timeout): rate limits are per node", redis.observe(false, "timeout"));
        assertNull(redis.observe(false, "timeout"));
    }

    @Test
    void describesTheLastObservationForReadiness() {
        var smtp = new DependencyState("smtp", "The SMTP relay", "emails wait in the outbox", LOG, clock);
        assertEquals("UNKNOWN not probed yet", smtp.describe());
        smtp.observe(true, "127.0.0.1:3025");
        assertEquals("UP 127.0.0.1:3025", smtp.describe());
        smtp.observe(false, "Connection refused");
        assertEquals("DOWN Connection refused", smtp.describe());
    }

    @Test
    void isSteadyOnlyAPeriodAfterItCameBack() {
        var database = new DependencyState("postgresql", "The database", "requests answer 503", LOG, clock);
        assertTrue(database.steadyFor(Duration.ofMinutes(1)), "never out: steady");
        database.observe(false, "Connection refused (SQLState 08001)");
        assertTrue(database.down());
        assertFalse(database.steadyFor(Duration.ZERO));
        now = now.plusSeconds(30);
        assertEquals("The database is reachable again after 30 s", database.observe(true, null));
        assertFalse(database.down());
        now = now.plusSeconds(59);
        assertFalse(database.steadyFor(Duration.ofMinutes(1)), "back 59 s ago");
        now = now.plusSeconds(2);
        assertTrue(database.steadyFor(Duration.ofMinutes(1)));
    }
}
