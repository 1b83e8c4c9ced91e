package dev.orion.platform.redis;

import dev.orion.platform.StartupFailure;
import dev.orion.platform.observability.OwnedGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.BaseMasterSlaveServersConfig;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;

/**
 * The one Redisson client of this server, built from {@code ORION_REDIS_URL}: one Redis server, or the master
 * that Sentinel names ({@code ORION_REDIS_SENTINELS}), or a Redis Cluster ({@code ORION_REDIS_CLUSTER_NODES}),
 * password and database still from the URL. Reads go to masters only: rate limits must not be read stale from a
 * replica. Connections are opened lazily, so Orion boots while Redis is down; readiness
 * reports it, and the client reconnects when Redis is back.
 * <p>
 * Handing out the client ({@link #client()}) joins no transaction (SUPPORTS): Redis takes no part in JTA, and with the EJB default
 * (REQUIRED) every {@link #client()} call from outside a transaction began and committed one of its own, which was
 * about half of what an API request's rate limit cost the server (JFR, docs/performance.md, round three).
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

    @Inject
    @ConfigProperty(name = "orion.redis.sentinels")
    Optional<String> sentinels;

    @Inject
    @ConfigProperty(name = "orion.redis.sentinel.master", defaultValue = "mymaster")
    String sentinelMaster;

    @Inject
    @ConfigProperty(name = "orion.redis.cluster.nodes")
    Optional<String> clusterNodes;

    private RedissonClient client;
    private RedisPoolUsage poolUsage;
    private OwnedGauges gauges;

    @PostConstruct
    void connect() {
        var config = new Config()
                .setCodec(StringCodec.INSTANCE) // values are JSON we write ourselves: no class loading from Redis
                .setLazyInitialization(true);
        String topology;
        try {
            topology = configure(config, RedisUrl.parse(url));
        } catch (IllegalArgumentException e) {
            LOG.severe("Orion cannot start: " + e.getMessage());
            throw new StartupFailure(e.getMessage());
        }
        client = Redisson.create(config);
        registerPoolGauges();
        LOG.info(() -> "Redis client configured for " + topology);
    }

    private String configure(Config config, RedisUrl redis) {
        if (sentinels.isPresent() || clusterNodes.isPresent()) {
            // on the Config, not the servers' config (deprecated in Redisson 4, a WARN line per use); a sentinel
            // that wants no password is asked without it (Redisson retries without AUTH)
            config.setPassword(password(url));
        }
        if (sentinels.isPresent()) {
            mastersOnly(config.useSentinelServers()
                    .setMasterName(sentinelMaster)
                    .addSentinelAddress(RedisServers.parse(sentinels.get(), "ORION_REDIS_SENTINELS").toArray(String[]::new))
                    .setCheckSentinelsList(false) // one sentinel is enough to start with; Redisson learns the others
                    .setDatabase(redis.database()));
            return "master " + sentinelMaster + " of Sentinel " + sentinels.get();
        }
        if (clusterNodes.isPresent()) {
            if (redis.database() != 0) {
                throw new IllegalArgumentException("Redis Cluster has only database 0; ORION_REDIS_URL names " + redis.database());
            }
            mastersOnly(config.useClusterServers()
                    .addNodeAddress(RedisServers.parse(clusterNodes.get(), "ORION_REDIS_CLUSTER_NODES").toArray(String[]::new)));
            return "Redis Cluster " + clusterNodes.get();
        }
        config.useSingleServer()
                .setAddress(redis.address())
                .setDatabase(redis.database())
                .setConnectionPoolSize(poolSize)
                .setConnectionMinimumIdleSize(1)
                .setConnectTimeout(1_000)
                .setTimeout(1_000)
                .setRetryAttempts(1);
        return redacted(url);
    }

    /** Sentinel and Cluster alike: reads and writes on masters, the same pool size and timeouts as one server. */
    private <T extends BaseMasterSlaveServersConfig<T>> void mastersOnly(T servers) {
        servers.setReadMode(ReadMode.MASTER)
                .setMasterConnectionPoolSize(poolSize)
                .setMasterConnectionMinimumIdleSize(1)
                .setConnectTimeout(1_000)
                .setTimeout(1_000)
                .setRetryAttempts(1);
    }

    /** The password of {@code redis://[user][:password]@host}, or null. */
    private static String password(String url) {
        String userInfo = URI.create(url).getUserInfo();
        if (userInfo == null) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        return colon < 0 ? userInfo : userInfo.substring(colon + 1);
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

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
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
