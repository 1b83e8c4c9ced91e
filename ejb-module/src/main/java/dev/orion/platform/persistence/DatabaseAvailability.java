package dev.orion.platform.persistence;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Whether this node can reach its database, as its callers found out: the first failure of an outage is one WARN
 * line ("Database unreachable …"); from then on a probe asks the pool for a connection every
 * {@value #PROBE_SECONDS} s, and its first success is the second WARN line ("Database reachable again after N s").
 * Requests in between fail fast and quietly (503), so an outage is two lines in the log, not one per request.
 * Requests recover on their own as soon as the database answers; the probe only ends the outage in the log.
 */
@ApplicationScoped
public class DatabaseAvailability {

    static final long PROBE_SECONDS = 1;
    private static final int VALID_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(DatabaseAvailability.class.getName());

    @Resource(lookup = "java:jboss/datasources/OrionDS")
    DataSource dataSource;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    private Instant downSince;
    private Instant backSince;
    private ScheduledFuture<?> probe;

    /** A caller could not reach the database because of {@code cause}; logs only the first failure of an outage. */
    public void unreachable(Throwable cause) {
        synchronized (this) {
            if (downSince != null) {
                return;
            }
            downSince = Instant.now();
            probe = scheduler.scheduleWithFixedDelay(this::probe, PROBE_SECONDS, PROBE_SECONDS, TimeUnit.SECONDS);
        }
        LOG.warning(() -> "Database unreachable (" + DatabaseOutage.reason(cause) + "): requests that need it answer 503"
                + " until it is back, readiness is DOWN; checking every " + PROBE_SECONDS + " s");
    }

    /** Whether an outage is going on (between the two WARN lines). */
    public synchronized boolean down() {
        return downSince != null;
    }

    /** Whether the database has answered for at least {@code period} since the last outage this node saw (if any). */
    public synchronized boolean steadyFor(Duration period) {
        return downSince == null && (backSince == null || backSince.plus(period).isBefore(Instant.now()));
    }

    private void probe() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALID_SECONDS)) {
                return;
            }
        } catch (Exception e) {
            return; // still out: the first line said so
        }
        Instant since;
        synchronized (this) {
            since = downSince;
            downSince = null;
            backSince = Instant.now();
            if (probe != null) {
                probe.cancel(false);
                probe = null;
            }
        }
        if (since != null) {
            long seconds = Duration.between(since, Instant.now()).toSeconds();
            LOG.warning(() -> "Database reachable again after " + seconds + " s");
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (probe != null) {
            probe.cancel(false);
        }
    }
}
