package dev.orion.identity.application;

import dev.orion.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RAtomicLong;

/**
 * Counts failed console logins per email in Redis, so every node sees the same count: after
 * {@code orion.login.max-failures} failures the login is locked until {@code orion.login.lock} has passed
 * since the last failure. With Redis down, logins are not counted (and not locked) rather than refused.
 */
@ApplicationScoped
public class LoginAttempts {

    private static final Logger LOG = Logger.getLogger(LoginAttempts.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "orion.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "orion.login.lock", defaultValue = "PT15M")
    Duration lock;

    public boolean isLocked(String email) {
        try {
            return counter(email).get() >= maxFailures;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Redis unavailable: login failures are not counted", e);
            return false;
        }
    }

    /** Records a failure; true when this failure locks the login. */
    public boolean recordFailure(String email) {
        try {
            RAtomicLong failures = counter(email);
            long count = failures.incrementAndGet();
            failures.expire(lock);
            return count >= maxFailures;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Redis unavailable: login failures are not counted", e);
            return false;
        }
    }

    public void recordSuccess(String email) {
        try {
            counter(email).delete();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Redis unavailable: login failures not reset", e);
        }
    }

    public Duration lockDuration() {
        return lock;
    }

    private RAtomicLong counter(String email) {
        return redis.client().getAtomicLong("orion:login-failures:" + email.trim().toLowerCase(Locale.ROOT));
    }
}
