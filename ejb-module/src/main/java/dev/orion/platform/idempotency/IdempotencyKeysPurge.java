package dev.orion.platform.idempotency;

import dev.orion.platform.retention.ExpiredDataPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/**
 * Answers are kept {@link IdempotencyKeys#RETENTION}; afterwards their rows go, and so do claims that lapsed long
 * ago unanswered (a request on a node that died, never retried). A claim still held is never deleted.
 */
@ApplicationScoped
public class IdempotencyKeysPurge implements ExpiredDataPurge {

    @PersistenceContext
    EntityManager em;

    @Override
    public Purged purgeExpired(OffsetDateTime now, int limit) {
        int keys = em.createNativeQuery("DELETE FROM idempotency_keys WHERE (client_id, idem_key) IN"
                        + " (SELECT client_id, idem_key FROM idempotency_keys WHERE expires_at < ?1"
                        + " AND (state = 'COMPLETED' OR claimed_until < ?1) LIMIT ?2)")
                .setParameter(1, now).setParameter(2, limit).executeUpdate();
        return new Purged(keys, "expired idempotency key(s)");
    }
}
