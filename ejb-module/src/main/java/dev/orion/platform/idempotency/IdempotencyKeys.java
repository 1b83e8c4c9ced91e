package dev.orion.platform.idempotency;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Idempotency keys in PostgreSQL ({@code idempotency_keys}), per API client. The first request with a key claims
 * it in a short transaction of its own (a row IN_FLIGHT, with an owner and an end, {@code claimed_until}, that the
 * running request keeps pushing forward: {@link ClaimRenewals}). Its answer is written by {@link #complete} in the
 * transaction of the request's own change, and only while the claim is still its own: so the answer commits if and
 * only if the change does, and a request whose claim lapsed (a frozen node) and was taken over cannot commit.
 */
@Stateless
public class IdempotencyKeys {

    /** How long a finished answer is replayed. */
    public static final Duration RETENTION = Duration.ofHours(24);

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "orion.idempotency.claim.seconds", defaultValue = "60")
    long claimSeconds;

    /** The outcome of claiming a key. */
    public sealed interface Claim permits Claimed, Replay, InFlight, Mismatch {
    }

    /** This request runs; {@code owner} names its claim. */
    public record Claimed(String owner) implements Claim {
    }

    public record Replay(StoredResponse response) implements Claim {
    }

    public record InFlight() implements Claim {
    }

    public record Mismatch() implements Claim {
    }

    /** How long a claim lasts unless renewed. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Duration claimTerm() {
        return Duration.ofSeconds(claimSeconds);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Claim claim(String clientId, String key, String fingerprint) {
        String owner = UUID.randomUUID().toString();
        int inserted = em.createNativeQuery("INSERT INTO idempotency_keys (client_id, idem_key, fingerprint, state, owner,"
                        + " claimed_until, expires_at) VALUES (?1, ?2, ?3, 'IN_FLIGHT', ?4, now() + ?5 * interval '1 second',"
                        + " now() + ?6 * interval '1 second') ON CONFLICT (client_id, idem_key) DO NOTHING")
                .setParameter(1, clientId).setParameter(2, key).setParameter(3, fingerprint).setParameter(4, owner)
                .setParameter(5, (double) claimSeconds).setParameter(6, (double) RETENTION.toSeconds())
                .executeUpdate();
        if (inserted == 1) {
            return new Claimed(owner);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT fingerprint = ?3, state, claimed_until < now(), expires_at < now(),"
                        + " status, content_type, location, body FROM idempotency_keys WHERE client_id = ?1 AND idem_key = ?2 FOR UPDATE")
                .setParameter(1, clientId).setParameter(2, key).setParameter(3, fingerprint).getResultList();
        if (rows.isEmpty()) {
            return claim(clientId, key, fingerprint); // purged between the two statements
        }
        Object[] row = rows.get(0);
        boolean inFlight = "IN_FLIGHT".equals(row[1]);
        boolean answerExpired = Boolean.TRUE.equals(row[3]);
        if (answerExpired && !inFlight) {
            return takeOver(clientId, key, fingerprint, owner); // not purged yet, but no longer kept
        }
        if (!Boolean.TRUE.equals(row[0])) {
            return new Mismatch();
        }
        if (!inFlight) {
            return new Replay(new StoredResponse(((Number) row[4]).intValue(), (String) row[5], (String) row[6], (byte[]) row[7]));
        }
        if (!Boolean.TRUE.equals(row[2])) {
            return new InFlight();
        }
        // its request ended without an answer (rolled back on a node that died) or stopped renewing (a frozen
        // node): this retry runs it; should the first wake up, it finds its claim gone and cannot commit
        LOG.info(() -> "Idempotency key of client " + clientId + ": its claim lapsed unanswered; a retry takes it over");
        return takeOver(clientId, key, fingerprint, owner);
    }

    private Claimed takeOver(String clientId, String key, String fingerprint, String owner) {
        em.createNativeQuery("UPDATE idempotency_keys SET fingerprint = ?3, state = 'IN_FLIGHT', owner = ?4,"
                        + " claimed_until = now() + ?5 * interval '1 second', status = NULL, content_type = NULL, location = NULL,"
                        + " body = NULL, created_at = now(), expires_at = now() + ?6 * interval '1 second'"
                        + " WHERE client_id = ?1 AND idem_key = ?2")
                .setParameter(1, clientId).setParameter(2, key).setParameter(3, fingerprint).setParameter(4, owner)
                .setParameter(5, (double) claimSeconds).setParameter(6, (double) RETENTION.toSeconds())
                .executeUpdate();
        return new Claimed(owner);
    }

    /** Pushes the claim's end forward; false once it is no longer {@code owner}'s (answered, released or taken over). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean renew(String clientId, String key, String owner) {
        return em.createNativeQuery("UPDATE idempotency_keys SET claimed_until = now() + ?4 * interval '1 second'"
                        + " WHERE client_id = ?1 AND idem_key = ?2 AND owner = ?3 AND state = 'IN_FLIGHT'")
                .setParameter(1, clientId).setParameter(2, key).setParameter(3, owner).setParameter(4, (double) claimSeconds)
                .executeUpdate() == 1;
    }

    /**
     * Stores the answer in the caller's transaction, the one of the request's change, so both commit or neither
     * does. Refuses (and so rolls that transaction back) when the claim is no longer {@code owner}'s.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void complete(String clientId, String key, String owner, StoredResponse answer) {
        if (store(clientId, key, owner, answer) == 0) {
            throw new ClaimLostException();
        }
    }

    /** Stores the answer of a request whose change rolled back (a refusal), in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void completeAlone(String clientId, String key, String owner, StoredResponse answer) {
        store(clientId, key, owner, answer);
    }

    /** Forgets a claim whose request changed nothing and answered 5xx, so the client's retry runs it again. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(String clientId, String key, String owner) {
        em.createNativeQuery("DELETE FROM idempotency_keys WHERE client_id = ?1 AND idem_key = ?2 AND owner = ?3 AND state = 'IN_FLIGHT'")
                .setParameter(1, clientId).setParameter(2, key).setParameter(3, owner).executeUpdate();
    }

    private int store(String clientId, String key, String owner, StoredResponse answer) {
        // empty strings for absent headers: a typed null parameter is not portable across Hibernate versions
        return em.createNativeQuery("UPDATE idempotency_keys SET state = 'COMPLETED', claimed_until = NULL, status = ?4,"
                        + " content_type = NULLIF(?5, ''), location = NULLIF(?6, ''), body = ?7,"
                        + " expires_at = clock_timestamp() + ?8 * interval '1 second'"
                        + " WHERE client_id = ?1 AND idem_key = ?2 AND owner = ?3 AND state = 'IN_FLIGHT'")
                .setParameter(1, clientId).setParameter(2, key).setParameter(3, owner)
                .setParameter(4, answer.status())
                .setParameter(5, answer.contentType() == null ? "" : answer.contentType())
                .setParameter(6, answer.location() == null ? "" : answer.location())
                .setParameter(7, answer.body() == null ? new byte[0] : answer.body())
                .setParameter(8, (double) RETENTION.toSeconds())
                .executeUpdate();
    }
}
