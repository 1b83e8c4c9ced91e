package dev.orion.operations.housekeeping;

import dev.orion.platform.retention.ExpiredDataPurge;
import dev.orion.platform.retention.ExpiredDataPurge.Purged;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks every capability to delete what has outlived its retention (sent emails, old schedule runs, finished jobs,
 * import issues, the audit log, expired password reset links, ...): each {@link ExpiredDataPurge} deletes only its own
 * rows, in batches of {@code ORION_RETENTION_BATCH_SIZE}, each batch in a transaction of its own, until a batch
 * comes back short. A big backlog thus never holds one long transaction or its locks; a failure keeps the batches
 * already committed, and the next run goes on from there.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class Housekeeping {

    @Inject
    @Any
    Instance<ExpiredDataPurge> purges;

    @Resource
    UserTransaction transaction;

    @Inject
    @ConfigProperty(name = "orion.retention.batch-size", defaultValue = "1000")
    int batchSize;

    /** @return a one-line summary of what was removed, e.g. "removed 3 sent email(s) and 0 schedule run(s)" */
    public String purgeExpired() {
        OffsetDateTime now = OffsetDateTime.now();
        List<Purged> removed = new ArrayList<>();
        for (ExpiredDataPurge purge : purges.stream().sorted(Comparator.comparingInt(ExpiredDataPurge::pass)).toList()) {
            removed.add(purgeAll(purge, now));
        }
        return "removed " + inWords(removed.stream().sorted(Comparator.comparing(Purged::what)).map(Purged::toString).toList());
    }

    private Purged purgeAll(ExpiredDataPurge purge, OffsetDateTime now) {
        Purged total = null;
        Purged batch;
        do {
            try {
                transaction.begin();
                batch = purge.purgeExpired(now, batchSize);
                transaction.commit();
            } catch (RuntimeException | Error e) {
                rollback();
                throw e;
            } catch (Exception e) { // begin or commit
                rollback();
                throw new IllegalStateException("A batch of housekeeping was not committed: " + e.getMessage(), e);
            }
            total = total == null ? batch : total.plus(batch);
        } while (batch.count() >= batchSize);
        return total;
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException | SecurityException e) {
            // the batch failed either way; its transaction is the container's to end
        }
    }

    /** "a", "a and b", "a, b and c"; "nothing" for none. */
    static String inWords(List<String> parts) {
        if (parts.isEmpty()) {
            return "nothing";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
