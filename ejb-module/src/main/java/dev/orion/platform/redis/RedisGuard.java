package dev.orion.platform.redis;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The one circuit breaker in front of Redis (MicroProfile Fault Tolerance, SmallRye in WildFly). After
 * {@value #FAILURES} failures in the last {@value #WINDOW} calls it opens: for {@value #OPEN_MILLIS} ms every
 * call fails at once with {@link CircuitBreakerOpenException} instead of waiting for Redis to time out, and the
 * caller takes its fallback (this node's rate limits, the database for vendors). Then one call tries Redis
 * again and closes the breaker if it answers. Every Redis call of rate limits and caches goes through
 * {@link #call}: one method, so one breaker for all of them.
 */
@ApplicationScoped
public class RedisGuard {

    static final int WINDOW = 4;
    static final int FAILURES = 2;
    static final long OPEN_MILLIS = 5_000;

    private static final Logger LOG = Logger.getLogger(RedisGuard.class.getName());

    @CircuitBreaker(requestVolumeThreshold = WINDOW, failureRatio = (double) FAILURES / WINDOW,
            delay = OPEN_MILLIS, successThreshold = 1)
    public <T> T call(Supplier<T> redisWork) {
        try {
            return redisWork.get();
        } catch (RuntimeException e) {
            // FINE: an outage's WARN lines come from DependencyWatch, one when it starts and one when it ends
            LOG.fine(() -> "Redis call failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); the breaker opens after " + FAILURES + " of " + WINDOW + " calls fail");
            throw e;
        }
    }

    /** Whether {@code e} says the breaker is open (Redis was not asked). */
    public static boolean open(Throwable e) {
        return e instanceof CircuitBreakerOpenException;
    }
}
