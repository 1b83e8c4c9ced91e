package dev.orion.platform.persistence;

import dev.orion.platform.health.DependencyState;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Whether this node can reach its database, as its callers found out: the first failure of an outage is one WARN
 * line ("The database is unreachable …"); from then on a probe asks the pool for a connection every
 * {@value #PROBE_SECONDS} s, and its first success is the second WARN line ("The database is reachable again after
 * N s"). Both lines are written by {@link DependencyState}, as every dependency's outage is. Requests in between
 * fail fast and quietly (503), so an outage is two lines in the log, not one per request. Requests recover on their
 * own as soon as the database answers; the probe only ends the outage in the log.
 */
@ApplicationScoped
public class DatabaseAvailability {

    static final long PROBE_SECONDS = 1;
    private static final int VALID_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/OrionDS")
    DataSource dataSource;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    private final DependencyState state = new DependencyState("postgresql", "The database",
            "requests that need it answer 503 until it is back, readiness is DOWN; checking every " + PROBE_SECONDS + " s",
            Logger.getLogger(DatabaseAvailability.class.getName()));
    private ScheduledFuture<?> probe;

    /** A caller could not reach the database because of {@code cause}; logs only the first failure of an outage. */
    public void unreachable(Throwable cause) {
        if (state.down()) {
            return; // the outage's line is written; no lock per failed request
        }
        synchronized (this) {
            if (state.observe(false, DatabaseOutage.reason(cause)) != null && probe == null) {
                probe = scheduler.scheduleWithFixedDelay(this::probe, PROBE_SECONDS, PROBE_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    /** Whether an outage is going on (between the two WARN lines). */
    public boolean down() {
        return state.down();
    }

    /** Whether the database has answered for at least {@code period} since the last outage this node saw (if any). */
    public boolean steadyFor(Duration period) {
        return state.steadyFor(period);
    }

    private void probe() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALID_SECONDS)) {
                return;
            }
        } catch (Exception e) {
            return; // still out: the first line said so
        }
        // under the lock unreachable() schedules with: a new outage right after this one gets a probe of its own
        synchronized (this) {
            state.observe(true, null);
            if (probe != null) {
                probe.cancel(false);
                probe = null;
            }
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (probe != null) {
            probe.cancel(false);
        }
    }
}
