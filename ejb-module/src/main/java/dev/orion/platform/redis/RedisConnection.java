package dev.orion.platform.redis;

import dev.orion.platform.observability.OwnedGauges;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.MeterRegistry;
import dev.orion.platform.StartupFailure;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The one Redisson client of this server, built from {@code ORION_REDIS_URL}. Connections are opened lazily,
 * so Orion boots while Redis is down; readiness reports it, and the client reconnects when Redis is back.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the client is thread-safe
public class RedisConnection {

    private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

    @Inject
    @ConfigProperty(name = "orion.redis.url", defaultValue = "redis://127.0.0.1:6379")
    String url;

    @Inject
    @ConfigProperty(name = "orion.redis.pool.size", defaultValue = "16")
    int poolSize;

    @Inject
    MeterRegistry meters;

    private RedissonClient client;
    private RedisPoolUsage poolUsage;
    private OwnedGauges gauges;

    @PostConstruct
    void connect() {
        RedisUrl redis;
        try {
            redis = RedisUrl.parse(url);
        } catch (IllegalArgumentException e) {
            LOG.severe("Orion cannot start: " + e.getMessage());
            throw new StartupFailure(e.getMessage());
        }
        var config = new Config()
                .setCodec(StringCodec.INSTANCE) // values are JSON we write ourselves: no class loading from Redis
                .setLazyInitialization(true);
        config.useSingleServer()
                .setAddress(redis.address())
                .setDatabase(redis.database())
                .setConnectionPoolSize(poolSize)
                .setConnectionMinimumIdleSize(1)
                .setConnectTimeout(2_000)
                .setTimeout(2_000)
                .setRetryAttempts(1);
        client = Redisson.create(config);
        registerPoolGauges();
        LOG.info(() -> "Redis client configured for " + redacted(url));
    }

    /** Gauges hold what they read weakly: the usage lives as long as this singleton does. */
    private void registerPoolGauges() {
        poolUsage = new RedisPoolUsage(client, poolSize);
        gauges = new OwnedGauges(meters);
        gauges.add("orion.redis.pool.borrowed", Tags.empty(), poolUsage, RedisPoolUsage::borrowed);
        gauges.add("orion.redis.pool.waiting", Tags.empty(), poolUsage, RedisPoolUsage::waiting);
        gauges.add("orion.redis.pool.open", Tags.empty(), poolUsage, RedisPoolUsage::open);
        gauges.add("orion.redis.pool.max", Tags.empty(), poolUsage, RedisPoolUsage::max);
    }

    public RedissonClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        if (gauges != null) {
            gauges.removeAll();
        }
        if (client != null) {
            client.shutdown();
        }
    }

    private static String redacted(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }
}
