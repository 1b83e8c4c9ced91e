package dev.orion.events.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs {@link StuckDeliveries} every {@code ORION_WEBHOOKS_SWEEP_SECONDS} on every node (what one node queues again,
 * another skips: the rows are locked, and a late duplicate message does nothing). It starts after the schema
 * migration: a first sweep on a new database found no webhook_deliveries table yet.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class StuckDeliverySweeper {

    private static final Logger LOG = Logger.getLogger(StuckDeliverySweeper.class.getName());
    static final int BATCH = 500;

    @Inject
    StuckDeliveries stuck;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "orion.webhooks.sweep.seconds", defaultValue = "60")
    long sweepSeconds;

    /** How far past its attempt time a PENDING delivery must be before its message counts as lost. */
    @Inject
    @ConfigProperty(name = "orion.webhooks.sweep.after", defaultValue = "PT10M")
    String sweepAfter;

    private ScheduledFuture<?> sweep;

    @PostConstruct
    void start() {
        Duration overdue = Duration.parse(sweepAfter);
        sweep = scheduler.scheduleWithFixedDelay(() -> sweep(overdue), sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        sweep.cancel(false);
    }

    private void sweep(Duration overdue) {
        try {
            stuck.requeueOverdue(overdue, BATCH);
        } catch (RuntimeException e) {
            // the database away: the next sweep tries again, and the backlog alerts say so meanwhile
            LOG.log(Level.WARNING, "Overdue webhook deliveries not swept: {0}", e.getMessage());
        }
    }
}
