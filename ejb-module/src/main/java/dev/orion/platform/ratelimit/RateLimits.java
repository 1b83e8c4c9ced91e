package dev.orion.platform.ratelimit;

import dev.orion.platform.redis.RedisConnection;
import dev.orion.platform.redis.RedisGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/**
 * Request budgets shared by every node through Redis (one Lua script per call, {@link RedisRateScript}). Busy
 * clients are served from this node's allowance ({@link PermitAllowances}): a batch of permits taken from Redis
 * in one call, so Redis is asked about once per batch instead of once per request. When Redis cannot answer, or
 * the {@link RedisGuard} breaker is open, each node falls back to {@link LocalRateLimits} (see docs/cluster.md).
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());
    private static final int MAX_PLANS = 1_000;

    /** Makes each permit's member unique across nodes without a SecureRandom draw per request (UUID.randomUUID). */
    private static final String NODE = UUID.randomUUID().toString();
    private static final AtomicLong PERMITS = new AtomicLong();

    @Inject
    RedisConnection redis;

    @Inject
    LocalRateLimits local;

    @Inject
    RedisGuard guard;

    /** This node's batches of permits taken from Redis; package-visible for tests. */
    final PermitAllowances allowances = new PermitAllowances(System::nanoTime);

    /** Plans read from configuration, by name and fallback: asked for on every API request, read once. */
    private final ConcurrentHashMap<String, RatePlan> plans = new ConcurrentHashMap<>();

    /** The plan called {@code name}, from {@code ORION_RATE_PLAN_<NAME>}; unknown names get {@code fallback}. */
    public RatePlan plan(String name, String fallback) {
        String key = "orion.rate.plan." + (name == null ? "standard" : name.toLowerCase(java.util.Locale.ROOT));
        RatePlan known = plans.get(key + " " + fallback);
        if (known != null) {
            return known;
        }
        if (plans.size() >= MAX_PLANS) {
            plans.clear(); // names come from tokens this server signed, so few; bounded all the same
        }
        RatePlan read = RatePlan.parse(ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse(fallback));
        plans.put(key + " " + fallback, read);
        return read;
    }

    /**
     * The plan names clients can be given: {@code standard} and every {@code ORION_RATE_PLAN_<NAME>} configured,
     * except the token endpoint's, sign-in's and password reset's own budgets.
     */
    public java.util.SortedMap<String, RatePlan> clientPlans() {
        var plans = new java.util.TreeMap<String, RatePlan>();
        plans.put("standard", plan("standard", "20/40"));
        for (String property : ConfigProvider.getConfig().getPropertyNames()) {
            String lower = property.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
            if (lower.startsWith("orion.rate.plan.")) {
                String name = property.substring("orion.rate.plan.".length()).toLowerCase(java.util.Locale.ROOT);
                if (!name.startsWith("token") && !name.startsWith("login") && !name.startsWith("reset")
                        && name.matches("[a-z0-9_-]{1,32}")) {
                    plans.put(name, plan(name, "20/40"));
                }
            }
        }
        return plans;
    }

    public RateDecision acquire(String key, RatePlan plan) {
        RateDecision held = allowances.take(key, plan);
        if (held != null) {
            return held;
        }
        int batch = PermitAllowances.batch(plan);
        var refill = batch > 1 ? allowances.claimRefill(key, plan) : null;
        try {
            if (refill == null) {
                RateDecision refilledMeanwhile = batch > 1 ? allowances.take(key, plan) : null;
                // an exact budget, or another request is refilling (or drained what it refilled): one permit
                return refilledMeanwhile != null ? refilledMeanwhile : redis(key, plan, 1);
            }
            long askedAt = allowances.now();
            List<Object> answer = redisAnswer(key, plan, batch);
            RateDecision decision = allowances.refilled(refill, askedAt, RedisRateScript.granted(answer),
                    RedisRateScript.remaining(answer), RedisRateScript.resetMillis(answer), plan);
            refill = null;
            return decision;
        } catch (RuntimeException e) {
            return local.acquire(key, plan);
        } finally {
            if (refill != null) {
                allowances.abandon(refill);
            }
        }
    }

    /** Whether the budget is used up, without using any of it (for budgets spent only on failures). */
    public boolean exhausted(String key, RatePlan plan) {
        if (allowances.holds(key, plan)) {
            return false;
        }
        try {
            return !redis(key, plan, 0).allowed();
        } catch (RuntimeException e) {
            return local.exhausted(key, plan);
        }
    }

    /** Gives the whole budget back (a successful sign-in clears its failures). */
    public void reset(String key, RatePlan plan) {
        try {
            guard.call(() -> redis.client().getBucket(redisKey(key, plan)).delete());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Redis unavailable for rate limits, only this node's budget is reset", e);
        }
        local.reset(key);
        allowances.forget(key, plan);
    }

    /** One round trip for one permit ({@code wanted} 1) or only to look (0). */
    private RateDecision redis(String key, RatePlan plan, int wanted) {
        return RedisRateScript.decision(redisAnswer(key, plan, wanted), plan);
    }

    /** One round trip: the script takes up to {@code wanted} permits and answers what it granted and what is left. */
    List<Object> redisAnswer(String key, RatePlan plan, int wanted) {
        return guard.call(() -> redis.client().getScript(StringCodec.INSTANCE).eval(redisKey(key, plan),
                RScript.Mode.READ_WRITE, RedisRateScript.SOURCE, RScript.ReturnType.LIST, List.of(redisKey(key, plan)),
                plan.burst(), plan.windowMillis(), wanted, NODE + ":" + PERMITS.incrementAndGet()));
    }

    /** A sorted set per key and plan (not the former RRateLimiter's keys, whose type differs). */
    static String redisKey(String key, RatePlan plan) {
        return "orion:ratelog:" + key + ":" + plan.burst() + "/" + plan.windowMillis();
    }
}
