package dev.orion.it.vendors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.orion.it.support.ApiClients;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.platform.redis.RedisUrl;
import dev.orion.it.support.TestData;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

@ExtendWith(ArquillianExtension.class)
class VendorCacheIT extends OrionDeployment {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static RedissonClient redis;

    @BeforeAll
    static void connect() {
        var config = new Config().setCodec(StringCodec.INSTANCE);
        var url = RedisUrl.parse(System.getenv().getOrDefault("ORION_REDIS_URL", "redis://127.0.0.1:6379"));
        config.useSingleServer().setAddress(url.address()).setDatabase(url.database());
        redis = Redisson.create(config);
    }

    @AfterAll
    static void disconnect() {
        redis.shutdown();
    }

    @Test
    void vendorLookupIsCachedInRedisWithAnExpiry() {
        String code = TestData.unique("cache");
        long vendorId = TestData.vendor(code);
        TestData.apiClient(code + "-api", "secret", vendorId);
        long orderId = TestData.pendingOrder(vendorId, TestData.unique("c") + "@example.com", "SKU-1", "3.00");
        var bucket = redis.<String>getBucket("orion:vendor:" + vendorId);
        bucket.delete(); // ids restart with every fresh test database; Redis outlives them

        // confirming an order looks the vendor up for the confirmation email
        var response = Http.plain().post(Http.BASE + "/api/v1/orders/" + orderId + "/transitions", "application/json",
                "{\"to\":\"CONFIRMED\"}", "Authorization", ApiClients.bearer(ApiClients.token(code + "-api", "secret")));

        assertEquals(200, response.statusCode(), response.body());
        String cached = bucket.get();
        assertTrue(cached != null && cached.contains("\"code\":\"" + code + "\""), String.valueOf(cached));
        long ttl = bucket.remainTimeToLive();
        assertTrue(ttl > 0 && ttl <= 600_000, "expiry in ms: " + ttl);
    }
}
