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
 * clocks disagree still judge silence alike. Each server's row carries the epoch it joined with (its fencing
 * token): it renews only that row, and a survivor that claims it deletes it, so a server taken for dead learns it
 * at its next beat and can write nothing under the old epoch (docs/cluster.md, "Fencing").
 */
@Stateless
public class ClusterNodes {

    @PersistenceContext
    EntityManager em;

    /** This node joins (or rejoins) the cluster: a fresh epoch, returned. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long join(String node) {
        Object epoch = em.createNativeQuery("INSERT INTO cluster_nodes (name, epoch) VALUES (?1, nextval('cluster_epochs'))"
                + " ON CONFLICT (name) DO UPDATE SET epoch = EXCLUDED.epoch, started_at = now(), last_seen = now() RETURNING epoch")
                .setParameter(1, node)
                .getSingleResult();
        return ((Number) epoch).longValue();
    }

    /**
     * This node is alive, under {@code epoch}; false when its row no longer carries that epoch (another node claimed
     * it). Its own transaction: a recovery that fails afterwards must not undo the beat.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean renew(String node, long epoch) {
        return em.createNativeQuery("UPDATE cluster_nodes SET last_seen = now() WHERE name = ?1 AND epoch = ?2")
                .setParameter(1, node)
                .setParameter(2, epoch)
                .executeUpdate() == 1;
    }

    /**
     * Whether {@code node} still holds {@code epoch}, checked in the caller's transaction with a key-share lock on
     * the row: until that transaction ends no survivor can claim (delete) it, so what it commits was written under a
     * current lease, and a node already claimed finds nothing. The lock does not hold up the node's own heartbeat.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean holds(String node, long epoch) {
        return rowOf(node, epoch, " FOR KEY SHARE");
    }

    /** Whether {@code node} holds {@code epoch} now (no lock: for decisions outside a write). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isMember(String node, long epoch) {
        return rowOf(node, epoch, "");
    }

    /** Whether {@code node}'s row carries {@code epoch}, read with {@code lock} (a locking clause, or none). */
    private boolean rowOf(String node, long epoch, String lock) {
        return !em.createNativeQuery("SELECT 1 FROM cluster_nodes WHERE name = ?1 AND epoch = ?2" + lock)
                .setParameter(1, node)
                .setParameter(2, epoch)
                .getResultList().isEmpty();
    }

    /**
     * Ends the open transactions of every other node silent for longer than {@code seconds} that hold a lock on
     * {@code cluster_nodes} (its sessions are named after it, the datasource's {@code ApplicationName}). Such a
     * transaction is a chunk paused between its write fence and its commit ({@link #holds}): it would keep the node
     * from being claimed until it goes on, and then commit. Other open transactions of the node are left alone:
     * an email delivery paused mid-conversation must keep its lock, or a survivor would send the email again.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int cutFencedCommitsOfSilent(String self, int seconds) {
        Object cut = em.createNativeQuery("SELECT count(pg_terminate_backend(a.pid)) FROM pg_stat_activity a"
                + " WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.state LIKE 'idle in transaction%'"
                + " AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.relation = 'cluster_nodes'::regclass)"
                + " AND a.application_name IN (SELECT name FROM cluster_nodes WHERE name <> ?1"
                + " AND last_seen < now() - make_interval(secs => ?2))")
                .setParameter(1, self)
                .setParameter(2, seconds)
                .getSingleResult();
        return ((Number) cut).intValue();
    }

    /**
     * Claims every other node silent for longer than {@code seconds}: its row is deleted in the caller's
     * transaction, so of several survivors exactly one gets it, and a recovery that fails leaves it to be
     * claimed again. A node whose row is locked by a chunk commit checking its lease ({@link #holds}) is skipped
     * until the next beat rather than waited for. A node that comes back finds its epoch gone and joins again.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<SilentNode> claimSilent(String self, int seconds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("DELETE FROM cluster_nodes WHERE name IN (SELECT name FROM cluster_nodes"
                + " WHERE name <> ?1 AND last_seen < now() - make_interval(secs => ?2) FOR UPDATE SKIP LOCKED) RETURNING name, last_seen")
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
