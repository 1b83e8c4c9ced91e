package dev.orion.platform.observability;

import io.sentry.Sentry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Initialises the Sentry SDK when {@code SENTRY_DSN} is set, and closes it (flushing what is queued) when
 * Orion stops. Without a DSN nothing is sent anywhere and {@link ErrorTracking} does nothing.
 */
@Singleton
@Startup
public class SentryStartup {

    private static final Logger LOG = Logger.getLogger(SentryStartup.class.getName());

    @Inject
    @ConfigProperty(name = "sentry.dsn")
    Optional<String> dsn;

    @Inject
    @ConfigProperty(name = "sentry.environment", defaultValue = "production")
    String environment;

    @PostConstruct
    void start() {
        if (dsn.isEmpty() || dsn.get().isBlank()) {
            LOG.fine("SENTRY_DSN is not set: error tracking is off");
            return;
        }
        Sentry.init(options -> {
            options.setDsn(dsn.get().trim());
            options.setEnvironment(environment);
            options.setRelease("orion@" + OrionVersion.get());
            // the server's threads are not ours to watch: errors are reported where Orion handles them
            options.setEnableUncaughtExceptionHandler(false);
            options.setSendDefaultPii(false);
        });
        LOG.info(() -> "Error tracking on: Sentry environment " + environment + ", release orion@" + OrionVersion.get());
    }

    @PreDestroy
    void stop() {
        if (Sentry.isEnabled()) {
            Sentry.close();
        }
    }
}
