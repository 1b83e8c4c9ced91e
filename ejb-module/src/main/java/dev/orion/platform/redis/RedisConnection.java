package dev.orion.platform.redis;

import io.micrometer.core.instrument.Gauge;
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

    private void registerPoolGauges() {
        var usage = new RedisPoolUsage(client);
        Gauge.builder("orion.redis.pool.borrowed", usage, RedisPoolUsage::borrowed)
                .description("Redis connections taken from this server's pool by a command now").register(meters);
        Gauge.builder("orion.redis.pool.waiting", usage, RedisPoolUsage::waiting)
                .description("Redis commands waiting for a free pooled connection").register(meters);
        Gauge.builder("orion.redis.pool.open", usage, RedisPoolUsage::open)
                .description("Redis connections open (idle or busy)").register(meters);
        Gauge.builder("orion.redis.pool.max", this, c -> c.poolSize)
                .description("Size of the Redis connection pool (ORION_REDIS_POOL_SIZE)").register(meters);
    }

    public RedissonClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.shutdown();
        }
    }

    private static String redacted(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }
}
