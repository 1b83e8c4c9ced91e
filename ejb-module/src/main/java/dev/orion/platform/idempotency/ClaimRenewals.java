package dev.orion.platform.idempotency;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a running request's claim alive: every third of the claim's term its end is pushed forward, so a request
 * may run longer than one term without a retry taking it over. A request that stops (a frozen or dead node) stops
 * renewing, and its claim lapses one term later. Renewal stops by itself after {@code longest}, the longest a
 * keyed request's transaction may last, in case a request never said it was done.
 */
@ApplicationScoped
public class ClaimRenewals {

    private static final Logger LOG = Logger.getLogger(ClaimRenewals.class.getName());

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    @Inject
    IdempotencyKeys keys;

    /** What the request calls when it is done (answered, released or rolled back). */
    public interface Renewal extends AutoCloseable {
        @Override
        void close();
    }

    public Renewal keepAlive(String clientId, String key, String owner, Duration longest) {
        long period = Math.max(100, keys.claimTerm().toMillis() / 3);
        long stopAt = System.nanoTime() + longest.toNanos();
        var task = new AtomicReference<ScheduledFuture<?>>();
        task.set(scheduler.scheduleAtFixedRate(() -> {
            boolean stillOurs;
            try {
                stillOurs = System.nanoTime() < stopAt && keys.renew(clientId, key, owner);
            } catch (RuntimeException e) {
                // the database is out (its outage is logged once elsewhere): try again next period; the claim
                // lapses if it stays out, and so does the request's own transaction
                LOG.log(Level.FINE, "Could not renew an idempotency claim", e);
                return;
            }
            if (!stillOurs && task.get() != null) {
                task.get().cancel(false);
            }
        }, period, period, TimeUnit.MILLISECONDS));
        return () -> task.get().cancel(false);
    }
}
