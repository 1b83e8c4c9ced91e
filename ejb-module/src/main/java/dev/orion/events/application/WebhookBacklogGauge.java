package dev.orion.events.application;

import dev.orion.platform.observability.OwnedGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The webhook backlog as gauges the alert rules read: deliveries still PENDING ({@code orion_webhooks_deliveries_pending}),
 * how overdue the most overdue of them is ({@code orion_webhooks_pending_overdue_seconds}) and the enabled endpoints
 * failing with no success since ({@code orion_webhooks_endpoints_failing}). Read on the server's scheduler (as
 * {@code EmailBacklogGauge} does), never on the scrape's thread; NaN while the database cannot be asked.
 */
@Singleton
@Startup
public class WebhookBacklogGauge {

    private static final Logger LOG = Logger.getLogger(WebhookBacklogGauge.class.getName());
    /** One pass over the partial index of undelivered deliveries and the (few) endpoints. */
    private static final String FIGURES = "SELECT"
            + " (SELECT count(*) FROM orion.webhook_deliveries WHERE status = 'PENDING'),"
            + " (SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(next_attempt_at)), 0) FROM orion.webhook_deliveries"
            + "   WHERE status = 'PENDING' AND next_attempt_at < now()),"
            + " (SELECT count(*) FROM orion.webhook_endpoints WHERE enabled AND failing_since IS NOT NULL)";

    @Resource(lookup = "java:jboss/datasources/OrionDS")
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    /** How often the figures are read (ORION_WEBHOOKS_BACKLOG_REFRESH_SECONDS). */
    @Inject
    @ConfigProperty(name = "orion.webhooks.backlog.refresh.seconds", defaultValue = "15")
    long refreshSeconds;

    private OwnedGauges gauges;
    private volatile double[] figures = {Double.NaN, Double.NaN, Double.NaN};
    private ScheduledFuture<?> refresh;

    @PostConstruct
    void register() {
        gauges = new OwnedGauges(meters);
        gauges.add("orion.webhooks.deliveries.pending", Tags.empty(), this, g -> g.figures[0]);
        gauges.add("orion.webhooks.pending.overdue.seconds", Tags.empty(), this, g -> g.figures[1]);
        gauges.add("orion.webhooks.endpoints.failing", Tags.empty(), this, g -> g.figures[2]);
        refresh = scheduler.scheduleWithFixedDelay(() -> figures = read(), 0, refreshSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void unregister() {
        refresh.cancel(false);
        gauges.removeAll();
    }

    private double[] read() {
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement(FIGURES);
             var row = query.executeQuery()) {
            row.next();
            return new double[] {row.getDouble(1), row.getDouble(2), row.getDouble(3)};
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Webhook backlog not read: {0}", e.getMessage());
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
    }
}
