package dev.orion.platform.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This server's lease on its membership of the cluster, as its heartbeat last found it: the epoch (fencing token)
 * it joined with, and whether it may still act on it. Entry points that start work another server could take
 * over (timer firings, queue messages) ask {@link #mayWork()} first; job chunks check the epoch they were started
 * under in their own transaction instead (operations' WriteFence), since only the database can say it is current.
 *
 * <p>The lease is trusted for one dead-after period less one heartbeat after its last renewal, by this JVM's
 * monotonic clock, which goes on while the process is paused: a server resumed after a pause longer than that
 * refuses work until its heartbeat has asked the database again (and rejoined, if it was taken for dead).
 */
@ApplicationScoped
public class NodeLease {

    @Inject
    @ConfigProperty(name = "orion.cluster.heartbeat.seconds", defaultValue = "10")
    int heartbeatSeconds;

    @Inject
    @ConfigProperty(name = "orion.cluster.dead.after.seconds", defaultValue = "60")
    int deadAfterSeconds;

    private volatile long epoch;
    private volatile boolean fenced;
    private volatile long renewedAt;

    /** Joined (or rejoined) the cluster with {@code epoch}. */
    public void joined(long epoch) {
        this.renewedAt = System.nanoTime();
        this.epoch = epoch;
        this.fenced = false;
    }

    /** The heartbeat renewed the lease under the current epoch. */
    public void renewed() {
        renewedAt = System.nanoTime();
    }

    /** The heartbeat found the epoch gone: another server took this one for dead and recovered its work. */
    public void lost() {
        fenced = true;
    }

    /** The epoch this server holds now; 0 before it has joined. */
    public long epoch() {
        return epoch;
    }

    /**
     * Whether this server may start work now. Before it has joined there is no lease to lose (the heartbeat joins
     * at start-up, before deliveries and firings matter).
     */
    public boolean mayWork() {
        if (epoch == 0) {
            return true;
        }
        long trustedNanos = Math.max(1, deadAfterSeconds - heartbeatSeconds) * 1_000_000_000L;
        return !fenced && System.nanoTime() - renewedAt < trustedNanos;
    }
}
