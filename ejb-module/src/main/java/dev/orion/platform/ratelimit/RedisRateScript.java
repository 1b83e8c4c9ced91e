package dev.orion.platform.ratelimit;

import java.util.List;

/**
 * The shared rate limiter's one Redis round trip: a sliding log per key (a sorted set of the times of the
 * permits granted in the last window, the clock being Redis's so all nodes agree). Up to {@code burst} permits
 * in any window of {@code windowMillis}; a permit is free again one window after it was granted.
 * Arguments: burst, window in ms, permits wanted (0 only to look, 1, or a batch for a node's allowance,
 * {@link PermitAllowances}), a unique prefix for the permits' members. Grants as many as wanted but never more
 * than are left, each one counted at once. Answers {allowed (1/0: at least one permit granted, or left when only
 * looking), permits left, ms until the oldest permit returns, permits granted}.
 */
final class RedisRateScript {

    static final String SOURCE = """
            local burst = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local wanted = tonumber(ARGV[3])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            local used = redis.call('ZCARD', KEYS[1])
            local allowed = 0
            local granted = 0
            if used < burst then
              allowed = 1
              if wanted > 0 then
                granted = math.min(wanted, burst - used)
                if granted == 1 then
                  redis.call('ZADD', KEYS[1], now, ARGV[4])
                else
                  for i = 1, granted do
                    redis.call('ZADD', KEYS[1], now, ARGV[4] .. ':' .. i)
                  end
                end
                used = used + granted
                redis.call('PEXPIRE', KEYS[1], window)
              end
            end
            local reset = window
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            if oldest[2] then
              reset = tonumber(oldest[2]) + window - now
            end
            return {allowed, burst - used, reset, granted}
            """;

    private RedisRateScript() {
    }

    /** The script's answer as a decision of {@code plan} (for one permit, or only looking). */
    static RateDecision decision(List<?> answer, RatePlan plan) {
        boolean allowed = number(answer, 0) == 1;
        return new RateDecision(allowed, plan.burst(), remaining(answer), Math.max(1, (resetMillis(answer) + 999) / 1000));
    }

    static long remaining(List<?> answer) {
        return Math.max(0, number(answer, 1));
    }

    static long resetMillis(List<?> answer) {
        return number(answer, 2);
    }

    static long granted(List<?> answer) {
        return number(answer, 3);
    }

    private static long number(List<?> answer, int index) {
        return ((Number) answer.get(index)).longValue();
    }
}
