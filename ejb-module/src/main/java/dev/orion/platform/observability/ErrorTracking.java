package dev.orion.platform.observability;

import io.sentry.Sentry;
import io.sentry.SentryLevel;
import java.util.Map;

/**
 * Reports unexpected errors to Sentry, tagged with the correlation id of the work that failed. Does nothing
 * unless {@link SentryStartup} initialised the SDK (only when {@code SENTRY_DSN} is set).
 */
public final class ErrorTracking {

    private ErrorTracking() {
    }

    /** An exception nobody handled; {@code source} says where (api, console, job, message). */
    public static void report(Throwable error, String source, Map<String, String> tags) {
        if (!Sentry.isEnabled()) {
            return;
        }
        Sentry.withScope(scope -> {
            tag(scope, source, tags);
            Sentry.captureException(error);
        });
    }

    /** A failure without an exception at hand, such as a job that ended FAILED. */
    public static void reportFailure(String message, String source, Map<String, String> tags) {
        if (!Sentry.isEnabled()) {
            return;
        }
        Sentry.withScope(scope -> {
            tag(scope, source, tags);
            scope.setLevel(SentryLevel.ERROR);
            Sentry.captureMessage(message);
        });
    }

    private static void tag(io.sentry.IScope scope, String source, Map<String, String> tags) {
        scope.setTag("source", source);
        String correlation = Correlation.peek();
        if (correlation != null) {
            scope.setTag(Correlation.MDC_KEY, correlation);
        }
        tags.forEach(scope::setTag);
    }
}
