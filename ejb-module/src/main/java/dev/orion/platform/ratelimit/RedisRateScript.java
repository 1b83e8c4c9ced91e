package dev.orion.platform.ratelimit;

import java.util.List;

/**
 * The shared rate limiter's one Redis round trip: a sliding log per key (a sorted set of the times of the
 * permits granted in the last window, the clock being Redis's so all nodes agree). Up to {@code burst} permits
 * in any window of {@code windowMillis}; a permit is free again one window after it was granted.
 * Arguments: burst, window in ms, cost (1 to take a permit, 0 only to look), a unique member for the permit.
 * Answers {allowed (1/0), permits left, ms until the oldest permit returns}.
 */
final class RedisRateScript {

    static final String SOURCE = """
            local burst = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local cost = tonumber(ARGV[3])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            local used = redis.call('ZCARD', KEYS[1])
            local allowed = 0
            if used < burst then
              allowed = 1
              if cost > 0 then
                redis.call('ZADD', KEYS[1], now, ARGV[4])
                used = used + 1
                redis.call('PEXPIRE', KEYS[1], window)
              end
            end
            local reset = window
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            if oldest[2] then
              reset = tonumber(oldest[2]) + window - now
            end
            return {allowed, burst - used, reset}
            """;

    private RedisRateScript() {
    }

    /** The script's answer as a decision of {@code plan}. */
    static RateDecision decision(List<?> answer, RatePlan plan) {
        boolean allowed = ((Number) answer.get(0)).longValue() == 1;
        long remaining = Math.max(0, ((Number) answer.get(1)).longValue());
        long resetMillis = ((Number) answer.get(2)).longValue();
        return new RateDecision(allowed, plan.burst(), remaining, Math.max(1, (resetMillis + 999) / 1000));
    }
}
