package dev.orion.platform.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RedisUrlTest {

    @Test
    void aPlainUrlIsDatabaseZero() {
        assertEquals(new RedisUrl("redis://127.0.0.1:6379", 0), RedisUrl.parse("redis://127.0.0.1:6379"));
    }

    @Test
    void thePathNamesTheDatabaseAndThePasswordStaysInTheAddress() {
        assertEquals(new RedisUrl("rediss://:s3cret@cache.example:6380", 2), RedisUrl.parse("rediss://:s3cret@cache.example:6380/2"));
        assertEquals(new RedisUrl("redis://cache.example:6379", 1), RedisUrl.parse("redis://cache.example/1"));
    }

    @Test
    void nonsenseIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse("http://127.0.0.1:6379"));
        var error = assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse("redis://127.0.0.1:6379/cache"));
        assertEquals("ORION_REDIS_URL's path must be a database number like /1, was: /cache", error.getMessage());
    }
}
