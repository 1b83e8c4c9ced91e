package dev.orion.operations.cluster;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Heartbeats in the {@code cluster_nodes} table. Times are the database's clock ({@code now()}), so servers whose
 * clocks disagree still judge silence alike.
 */
@Stateless
public class ClusterNodes {

    @PersistenceContext
    EntityManager em;

    /** This node is alive. Its own transaction: a recovery that fails afterwards must not undo the beat. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void beat(String node) {
        em.createNativeQuery("INSERT INTO cluster_nodes (name) VALUES (?1)"
                + " ON CONFLICT (name) DO UPDATE SET last_seen = now()")
                .setParameter(1, node)
                .executeUpdate();
    }

    /**
     * Claims every other node silent for longer than {@code seconds}: its row is deleted in the caller's
     * transaction, so of several survivors exactly one gets it, and a recovery that fails leaves it to be
     * claimed again. A node that comes back simply beats again.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<SilentNode> claimSilent(String self, int seconds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("DELETE FROM cluster_nodes WHERE name <> ?1"
                + " AND last_seen < now() - make_interval(secs => ?2) RETURNING name, last_seen")
                .setParameter(1, self)
                .setParameter(2, seconds)
                .getResultList();
        return rows.stream().map(row -> new SilentNode((String) row[0], instant(row[1]))).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
