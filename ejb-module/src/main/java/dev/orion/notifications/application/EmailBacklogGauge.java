package dev.orion.notifications.application;

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
 * How long the oldest email still waiting to be sent has waited: the gauge
 * {@code orion_emails_backlog_age_seconds} (0 when nothing waits), which the OrionEmailBacklogOld alert reads.
 * A relay that refuses everything shows up here long before dead letters do. Read every 15 seconds on the
 * server's scheduler, never on the scrape's thread, so a slow database cannot hold up /metrics; NaN while the
 * database cannot be asked (its own alerts say why).
 */
@Singleton
@Startup
public class EmailBacklogGauge {

    private static final Logger LOG = Logger.getLogger(EmailBacklogGauge.class.getName());
    private static final String OLDEST_QUEUED = "SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)"
            + " FROM orion.email_outbox WHERE status = 'QUEUED'";

    @Resource(lookup = "java:jboss/datasources/OrionDS")
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    private OwnedGauges gauges;
    /** How often the age is read (ORION_EMAILS_BACKLOG_REFRESH_SECONDS): the default suits a 15 s scrape interval. */
    @Inject
    @ConfigProperty(name = "orion.emails.backlog.refresh.seconds", defaultValue = "15")
    long refreshSeconds;

    private volatile double ageSeconds = Double.NaN;
    private ScheduledFuture<?> refresh;

    @PostConstruct
    void register() {
        gauges = new OwnedGauges(meters);
        gauges.add("orion.emails.backlog.age.seconds", Tags.empty(), this, EmailBacklogGauge::ageSeconds);
        refresh = scheduler.scheduleWithFixedDelay(() -> ageSeconds = oldestQueuedAge(), 0, refreshSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void unregister() {
        refresh.cancel(false);
        gauges.removeAll();
    }

    private double ageSeconds() {
        return ageSeconds;
    }

    private double oldestQueuedAge() {
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement(OLDEST_QUEUED);
             var row = query.executeQuery()) {
            row.next();
            return row.getDouble(1);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Email backlog age not read: {0}", e.getMessage());
            return Double.NaN;
        }
    }
}
