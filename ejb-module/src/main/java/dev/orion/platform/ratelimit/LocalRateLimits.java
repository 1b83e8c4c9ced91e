package dev.orion.platform.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-node fallback while Redis is unreachable: a fixed window per key in this JVM. With N nodes a
 * client may get up to N times its budget until Redis is back; refusing every request instead would turn a
 * cache outage into an API outage.
 */
@ApplicationScoped
public class LocalRateLimits {

    private static final int MAX_KEYS = 100_000;

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        long startedAt;
        long used;
    }

    public boolean exhausted(String key, RatePlan plan) {
        Window window = windows.get(key);
        if (window == null) {
            return false;
        }
        synchronized (window) {
            return System.currentTimeMillis() - window.startedAt < plan.windowMillis() && window.used >= plan.burst();
        }
    }

    public void reset(String key) {
        windows.remove(key);
    }

    public RateDecision acquire(String key, RatePlan plan) {
        if (windows.size() > MAX_KEYS) {
            windows.clear(); // bounded memory: forgetting budgets only ever allows more, never less
        }
        long now = System.currentTimeMillis();
        Window window = windows.computeIfAbsent(key, k -> new Window());
        synchronized (window) {
            if (now - window.startedAt >= plan.windowMillis()) {
                window.startedAt = now;
                window.used = 0;
            }
            boolean allowed = window.used < plan.burst();
            if (allowed) {
                window.used++;
            }
            long reset = Math.max(1, (window.startedAt + plan.windowMillis() - now + 999) / 1000);
            return new RateDecision(allowed, plan.burst(), plan.burst() - window.used, reset);
        }
    }
}
