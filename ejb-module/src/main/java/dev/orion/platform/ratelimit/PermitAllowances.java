package dev.orion.platform.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * This node's share of each client's budget: permits taken from Redis in one script call (a batch, counted in
 * Redis when taken) and handed out here without asking Redis again, until they are used up or their window ends.
 * At most one batch per client and plan is held, and at most one refill is asked for at a time: requests that
 * find the allowance empty while another request is refilling it take a single permit from Redis, as without
 * allowances, instead of waiting. Permits held are counted in Redis, so forgetting an allowance (its window
 * ended, memory bound, reset) only ever wastes permits, never grants more than the budget.
 */
final class PermitAllowances {

    /** Beyond this many clients and plans, allowances whose window ended are dropped; if that is not enough, all. */
    static final int MAX_ALLOWANCES = 100_000;

    /** Permits per batch at most: what another node may see refused early is bounded by nodes x this. */
    static final int MAX_BATCH = 50;

    private record Key(String key, RatePlan plan) {
    }

    /** One client's allowance on one plan; every field under the object's lock. */
    static final class Allowance {
        private long left;
        private long expiresAt;
        private long remainingInRedis;
        private long resetAt;
        private boolean refilling;

        /** Whether a permit is left and its window has not ended at {@code now}; under the object's lock. */
        private boolean holdsPermitAt(long now) {
            return left > 0 && now - expiresAt < 0;
        }
    }

    private final ConcurrentHashMap<Key, Allowance> allowances = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    PermitAllowances(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * How many permits to take from Redis at once for {@code plan}: a tenth of a second's worth of its average rate,
     * at least 1 and at most {@value #MAX_BATCH}. Budgets counted per duration (sign-in failures, resets: no
     * per-second rate) and slow plans get 1, i.e. Redis is asked on every request as before: they are small and
     * rare, and stay exact.
     */
    static int batch(RatePlan plan) {
        return (int) Math.max(1, Math.min(MAX_BATCH, plan.perSecond() / 10));
    }

    /** A permit from this node's allowance, or null when there is none left (ask Redis). */
    RateDecision take(String key, RatePlan plan) {
        Allowance allowance = allowances.get(new Key(key, plan));
        if (allowance == null) {
            return null;
        }
        synchronized (allowance) {
            long now = nanoClock.getAsLong();
            if (!allowance.holdsPermitAt(now)) {
                return null;
            }
            allowance.left--;
            return new RateDecision(true, plan.burst(), allowance.remainingInRedis + allowance.left,
                    secondsUntil(allowance.resetAt, now));
        }
    }

    /** Whether this node still holds a permit of {@code key} on {@code plan} (the budget is not used up for it). */
    boolean holds(String key, RatePlan plan) {
        Allowance allowance = allowances.get(new Key(key, plan));
        if (allowance == null) {
            return false;
        }
        synchronized (allowance) {
            return allowance.holdsPermitAt(nanoClock.getAsLong());
        }
    }

    /**
     * The caller's right to refill {@code key}'s allowance on {@code plan}, or null when another request is
     * refilling it, or has refilled it since the caller found it empty (then take from it: a refill now would
     * replace permits counted in Redis before they were served). A claimed refill ends with {@link #refilled} or
     * {@link #abandon}.
     */
    Allowance claimRefill(String key, RatePlan plan) {
        if (allowances.size() >= MAX_ALLOWANCES) {
            evictExpired();
        }
        Allowance allowance = allowances.computeIfAbsent(new Key(key, plan), k -> new Allowance());
        synchronized (allowance) {
            if (allowance.refilling || allowance.holdsPermitAt(nanoClock.getAsLong())) {
                return null;
            }
            allowance.refilling = true;
            return allowance;
        }
    }

    /**
     * Redis granted {@code granted} permits to a refill asked for at {@code askedAt} (this node's clock, read
     * before the call, so the allowance ends no later than Redis frees them); the caller uses one of them itself.
     * The new batch replaces what was left, which is nothing that could still be served: a refill is only claimed
     * when the allowance holds no permit of a window that has not ended.
     */
    RateDecision refilled(Allowance allowance, long askedAt, long granted, long remainingInRedis, long resetMillis,
            RatePlan plan) {
        synchronized (allowance) {
            allowance.refilling = false;
            allowance.left = Math.max(0, granted - 1);
            allowance.expiresAt = askedAt + plan.windowMillis() * 1_000_000L;
            allowance.remainingInRedis = remainingInRedis;
            allowance.resetAt = askedAt + resetMillis * 1_000_000L;
            long now = nanoClock.getAsLong();
            return new RateDecision(granted > 0, plan.burst(), granted > 0 ? remainingInRedis + allowance.left : 0,
                    secondsUntil(allowance.resetAt, now));
        }
    }

    /** The refill did not happen (Redis did not answer): the next request may try again. */
    void abandon(Allowance allowance) {
        synchronized (allowance) {
            allowance.refilling = false;
        }
    }

    /** Drops the allowance (its budget was given back in Redis): permits it held are not handed out any more. */
    void forget(String key, RatePlan plan) {
        allowances.remove(new Key(key, plan));
    }

    /** This node's clock, the one allowances end by: read it before asking Redis for a refill. */
    long now() {
        return nanoClock.getAsLong();
    }

    int size() {
        return allowances.size();
    }

    private void evictExpired() {
        long now = nanoClock.getAsLong();
        allowances.values().removeIf(allowance -> {
            synchronized (allowance) {
                return !allowance.refilling && !allowance.holdsPermitAt(now);
            }
        });
        if (allowances.size() >= MAX_ALLOWANCES) {
            allowances.clear(); // forgetting permits only wastes them: they stay counted in Redis
        }
    }

    private static long secondsUntil(long at, long now) {
        return Math.max(1, (at - now + 999_999_999L) / 1_000_000_000L);
    }
}
