package dev.orion.platform.idempotency;

import dev.orion.platform.redis.RedisConnection;
import dev.orion.platform.redis.RedisGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RBucket;

/**
 * Idempotency keys in Redis, per client: the first request with a key claims it (atomically, so a
 * concurrent duplicate sees it in flight), and its answer is kept for 24 hours.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** How long a finished answer is replayed. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /** How long a claim may stay in flight before a retry may take over (a crashed request). */
    @Inject
    @ConfigProperty(name = "orion.idempotency.claim.seconds", defaultValue = "300")
    long claimSeconds;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    RedisConnection redis;

    @Inject
    RedisGuard guard;

    /** The outcome of claiming a key. */
    public sealed interface Claim permits Claimed, Replay, InFlight, Mismatch {
    }

    public record Claimed() implements Claim {
    }

    public record Replay(StoredResponse response) implements Claim {
    }

    public record InFlight() implements Claim {
    }

    public record Mismatch() implements Claim {
    }

    /** Fails at once (breaker open) or after Redis's timeout: the caller refuses the request (503). */
    public Claim claim(String clientId, String key, String fingerprint) {
        return guard.call(() -> claimInRedis(clientId, key, fingerprint));
    }

    private Claim claimInRedis(String clientId, String key, String fingerprint) {
        RBucket<String> bucket = bucket(clientId, key);
        if (bucket.setIfAbsent(JSON.toJson(new IdempotencyRecord(fingerprint, null)), Duration.ofSeconds(claimSeconds))) {
            return new Claimed();
        }
        Optional<IdempotencyRecord> existing = Optional.ofNullable(bucket.get()).map(json -> JSON.fromJson(json, IdempotencyRecord.class));
        if (existing.isEmpty()) {
            return claimInRedis(clientId, key, fingerprint); // expired between the two calls
        }
        IdempotencyRecord record = existing.get();
        if (!record.fingerprint().equals(fingerprint)) {
            return new Mismatch();
        }
        return record.inFlight() ? new InFlight() : new Replay(record.response());
    }

    public void complete(String clientId, String key, String fingerprint, StoredResponse response) {
        guard.call(() -> {
            bucket(clientId, key).set(JSON.toJson(new IdempotencyRecord(fingerprint, response)), RETENTION);
            return null;
        });
    }

    /** Forgets a claim whose request failed on our side, so the client's retry runs it again. */
    public void release(String clientId, String key) {
        guard.call(() -> bucket(clientId, key).delete());
    }

    private RBucket<String> bucket(String clientId, String key) {
        return redis.client().getBucket("orion:idempotency:" + clientId + ":" + key);
    }
}
