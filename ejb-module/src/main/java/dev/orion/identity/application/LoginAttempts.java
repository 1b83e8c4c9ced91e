package dev.orion.identity.application;

import dev.orion.platform.ratelimit.RateLimits;
import dev.orion.platform.ratelimit.RatePlan;
import dev.orion.platform.redis.RedisConnection;
import dev.orion.platform.redis.RedisGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RSet;

/**
 * The console's sign-in budgets, shared by every node through {@link RateLimits} (Redis). Only failures spend
 * them:
 * <ul>
 * <li>per address and account: {@code orion.login.max-failures} (5) failures within {@code orion.login.lock}
 * (15 min) lock that account <em>from that address</em>: guessing one password stops, and nobody can lock an
 * admin out from everywhere;</li>
 * <li>per address: {@code ORION_RATE_PLAN_LOGIN_IP} (30/PT15M) failures over any accounts, then that address
 * waits: spraying one password over many accounts stops;</li>
 * <li>per account, from all addresses: past {@code ORION_RATE_PLAN_LOGIN_ACCOUNT} (50/PT15M) failures the
 * account is slowed, not locked: one attempt per {@code ORION_RATE_PLAN_LOGIN_SLOWED} (1/PT5S) from addresses
 * it never signed in from. A botnet gets a few guesses a minute; the owner, from an address they signed in from
 * within {@code ORION_LOGIN_KNOWN_ADDRESS_TTL} (30 days), is not slowed at all.</li>
 * </ul>
 * Accounts appear in Redis only as a hash of the (bounded, normalised) email, never as sent.
 */
@ApplicationScoped
public class LoginAttempts {

    /** What the sign-in may do now. */
    public enum Verdict { ALLOWED, LOCKED, THROTTLED }

    private static final Logger LOG = Logger.getLogger(LoginAttempts.class.getName());
    private static final int MAX_KNOWN_ADDRESSES = 50;

    @Inject
    RateLimits limits;

    @Inject
    RedisConnection redis;

    @Inject
    RedisGuard guard;

    @Inject
    @ConfigProperty(name = "orion.login.known-address-ttl", defaultValue = "P30D")
    Duration knownFor;

    @Inject
    @ConfigProperty(name = "orion.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "orion.login.lock", defaultValue = "PT15M")
    Duration lock;

    public Verdict check(String email, String address) {
        if (limits.exhausted(ipKey(address), limits.plan("login-ip", "30/PT15M"))) {
            return Verdict.THROTTLED;
        }
        if (limits.exhausted(pairKey(email, address), pairPlan())) {
            return Verdict.LOCKED;
        }
        if (limits.exhausted(accountKey(email), limits.plan("login-account", "50/PT15M")) && !knownAddress(email, address)
                && !limits.acquire("login-slowed:" + account(email), limits.plan("login-slowed", "1/PT5S")).allowed()) {
            return Verdict.THROTTLED;
        }
        return Verdict.ALLOWED;
    }

    /** Records a failure; true when it locks this account from this address. */
    public boolean recordFailure(String email, String address) {
        limits.acquire(ipKey(address), limits.plan("login-ip", "30/PT15M"));
        limits.acquire(accountKey(email), limits.plan("login-account", "50/PT15M"));
        limits.acquire(pairKey(email, address), pairPlan());
        return limits.exhausted(pairKey(email, address), pairPlan());
    }

    public void recordSuccess(String email, String address) {
        limits.reset(pairKey(email, address), pairPlan());
        try {
            guard.call(() -> {
                RSet<String> known = knownAddresses(email);
                if (known.size() >= MAX_KNOWN_ADDRESSES) {
                    known.delete(); // bounded: an account that roams that much starts over
                }
                known.add(address);
                return known.expire(knownFor);
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Redis unavailable: the sign-in address is not remembered", e);
        }
    }

    private boolean knownAddress(String email, String address) {
        try {
            return guard.call(() -> knownAddresses(email).contains(address));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Redis unavailable: no address is known", e);
            return false;
        }
    }

    private RSet<String> knownAddresses(String email) {
        return redis.client().getSet("orion:login-known:" + account(email));
    }

    public Duration lockDuration() {
        return lock;
    }

    private RatePlan pairPlan() {
        return RatePlan.perWindow(maxFailures, lock);
    }

    private static String ipKey(String address) {
        return "login-ip:" + address;
    }

    private static String accountKey(String email) {
        return "login-account:" + account(email);
    }

    private static String pairKey(String email, String address) {
        return "login-pair:" + account(email) + ":" + address;
    }

    /** A fixed-length name for the account: what the client typed never becomes part of a key. */
    static String account(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
