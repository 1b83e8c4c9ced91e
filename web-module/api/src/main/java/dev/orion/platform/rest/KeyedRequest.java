package dev.orion.platform.rest;

import dev.orion.platform.idempotency.ClaimRenewals;
import dev.orion.platform.idempotency.IdempotencyKeys;
import dev.orion.platform.idempotency.StoredResponse;
import dev.orion.platform.persistence.DatabaseOutage;
import dev.orion.platform.persistence.DatabaseUnavailableException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One request that holds the claim of its idempotency key, and the transaction it runs in: begun before the
 * resource, which joins it (and so do the EJBs it calls), and ended only once the answer is known, so that the
 * answer is written in the same commit as the change. Every way out stops the claim's renewal.
 */
final class KeyedRequest {

    /** The longest a keyed request's transaction may last; its claim is renewed no longer than that. */
    static final Duration LONGEST = Duration.ofMinutes(15);

    private static final Logger LOG = Logger.getLogger(KeyedRequest.class.getName());

    private final IdempotencyKeys keys;
    private final UserTransaction transaction;
    private final String clientId;
    private final String key;
    private final String owner;
    private final ClaimRenewals.Renewal renewal;
    private boolean rolledBack;

    private KeyedRequest(IdempotencyKeys keys, UserTransaction transaction, String clientId, String key, String owner,
                         ClaimRenewals.Renewal renewal) {
        this.keys = keys;
        this.transaction = transaction;
        this.clientId = clientId;
        this.key = key;
        this.owner = owner;
        this.renewal = renewal;
    }

    static KeyedRequest begin(IdempotencyKeys keys, ClaimRenewals renewals, UserTransaction transaction,
                              String clientId, String key, String owner) {
        var renewal = renewals.keepAlive(clientId, key, owner, LONGEST);
        try {
            transaction.setTransactionTimeout((int) LONGEST.toSeconds());
            try {
                transaction.begin();
            } finally {
                transaction.setTransactionTimeout(0); // this thread's later transactions get the server's default again
            }
        } catch (Exception e) {
            renewal.close();
            keys.release(clientId, key, owner);
            throw new IllegalStateException("Could not begin the transaction of a keyed request", e);
        }
        return new KeyedRequest(keys, transaction, clientId, key, owner, renewal);
    }

    /** Whether the change may still commit (nothing marked it for rollback). */
    boolean canCommit() {
        return !rolledBack && status() == Status.STATUS_ACTIVE;
    }

    /** The change rolled back (a refusal); its answer will be kept on its own by {@link #finish}. */
    void rollBack() {
        rollBackQuietly();
        rolledBack = true;
    }

    /** A 5xx or a failure before the answer: nothing is kept and the key is free for the retry. */
    void abandon() {
        renewal.close();
        rollBackQuietly();
        try {
            keys.release(clientId, key, owner);
        } catch (RuntimeException e) {
            // the claim lapses by itself one term later
            LOG.log(Level.FINE, "Could not release an idempotency claim", e);
        }
    }

    /**
     * Ends the request with its answer: written in the change's own commit, or, when the change rolled back, in a
     * transaction of its own. Throws when the change could not commit (the caller answers with that instead).
     */
    void finish(StoredResponse answer) {
        renewal.close();
        if (rolledBack || status() != Status.STATUS_ACTIVE) {
            rollBackQuietly();
            keys.completeAlone(clientId, key, owner, answer);
            return;
        }
        try {
            keys.complete(clientId, key, owner, answer);
            transaction.commit();
        } catch (RollbackException e) {
            abandon(); // nothing of it committed
            throw DatabaseOutage.causedBy(e) ? new DatabaseUnavailableException() : new IllegalStateException("The change could not commit", e);
        } catch (RuntimeException e) {
            abandon(); // complete() refused, or the database is out: the transaction is still ours to roll back
            throw e;
        } catch (Exception e) {
            // a heuristic outcome: the change may have committed, so the claim is left to lapse rather than released
            rollBackQuietly();
            throw new IllegalStateException("The outcome of a keyed request's commit is unknown", e);
        }
    }

    private int status() {
        try {
            return transaction.getStatus();
        } catch (SystemException e) {
            return Status.STATUS_UNKNOWN;
        }
    }

    private void rollBackQuietly() {
        try {
            if (status() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "Rollback of a keyed request's transaction failed", e);
        }
    }
}
