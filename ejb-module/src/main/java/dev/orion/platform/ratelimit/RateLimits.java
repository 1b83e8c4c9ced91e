package dev.orion.platform.ratelimit;

import dev.orion.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;

/**
 * Request budgets shared by every node through Redis (Redisson rate limiters, one per key). When Redis
 * cannot answer, each node falls back to {@link LocalRateLimits} (see docs/api.md).
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    LocalRateLimits local;

    /** The plan called {@code name}, from {@code ORION_RATE_PLAN_<NAME>}; unknown names get {@code fallback}. */
    public RatePlan plan(String name, String fallback) {
        String key = "orion.rate.plan." + (name == null ? "standard" : name.toLowerCase(java.util.Locale.ROOT));
        return RatePlan.parse(ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse(fallback));
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
        try {
            RRateLimiter limiter = limiter(key, plan);
            boolean allowed = limiter.tryAcquire();
            long remaining = Math.max(0, limiter.availablePermits());
            return new RateDecision(allowed, plan.burst(), remaining, (plan.windowMillis() + 999) / 1000);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Redis unavailable for rate limits, using this node's limits", e);
            return local.acquire(key, plan);
        }
    }

    /** Whether the budget is used up, without using any of it (for budgets spent only on failures). */
    public boolean exhausted(String key, RatePlan plan) {
        try {
            return limiter(key, plan).availablePermits() <= 0;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Redis unavailable for rate limits, using this node's limits", e);
            return local.exhausted(key, plan);
        }
    }

    /** Gives the whole budget back (a successful sign-in clears its failures). */
    public void reset(String key, RatePlan plan) {
        try {
            limiter(key, plan).delete();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Redis unavailable for rate limits, using this node's limits", e);
        }
        local.reset(key);
    }

    private RRateLimiter limiter(String key, RatePlan plan) {
        RRateLimiter limiter = redis.client().getRateLimiter("orion:rate:" + key + ":" + plan.burst() + "/" + plan.windowMillis());
        Duration window = Duration.ofMillis(plan.windowMillis());
        limiter.trySetRate(RateType.OVERALL, plan.burst(), window, window.multipliedBy(10));
        return limiter;
    }
}
