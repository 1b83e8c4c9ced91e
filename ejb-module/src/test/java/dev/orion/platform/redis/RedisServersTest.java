package dev.orion.platform.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedisServersTest {

    @Test
    void hostPortPairsGetTheRedisScheme() {
        assertEquals(List.of("redis://10.0.0.1:26379", "rediss://10.0.0.2:26379"),
                RedisServers.parse(" 10.0.0.1:26379, rediss://10.0.0.2:26379 ,", "ORION_REDIS_SENTINELS"));
    }

    @Test
    void rejectsAnEmptyListAndAMissingPort() {
        assertThrows(IllegalArgumentException.class, () -> RedisServers.parse(" , ", "ORION_REDIS_SENTINELS"));
        var missingPort = assertThrows(IllegalArgumentException.class, () -> RedisServers.parse("redis-1", "ORION_REDIS_CLUSTER_NODES"));
        assertEquals("ORION_REDIS_CLUSTER_NODES must list host:port pairs, was: redis://redis-1", missingPort.getMessage());
    }
}
