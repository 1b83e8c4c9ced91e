package dev.orion.platform.console;

import dev.orion.platform.observability.ErrorTracking;
import java.security.SecureRandom;
import java.util.Map;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A short reference for an unexpected error, shown to the user and written to the log with the stack trace
 * (and the request's correlation id); the error report in Sentry carries both.
 */
public final class ErrorReferences {

    private static final Logger LOG = Logger.getLogger(ErrorReferences.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorReferences() {
    }

    public static String log(Throwable error, String where) {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        String reference = HexFormat.of().formatHex(bytes);
        // the log line also carries the request's correlation id (MDC), which tags the error report too
        LOG.log(Level.SEVERE, "Console error " + reference + " on " + where, error);
        ErrorTracking.report(error, "console", Map.of("error_reference", reference, "page", String.valueOf(where)));
        return reference;
    }
}
