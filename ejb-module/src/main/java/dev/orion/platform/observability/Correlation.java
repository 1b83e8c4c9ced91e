package dev.orion.platform.observability;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The correlation id of the work this thread is doing (a request, a job execution, a timer firing, a
 * message), kept in the logging MDC under {@value #MDC_KEY} so every log line of that work carries it.
 */
public final class Correlation {

    /** The request and response header that carries the id. */
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "correlation_id";
    /** What a caller may choose as its own id: short, and nothing that could forge a log line or a header. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    private Correlation() {
    }

    /** The caller's id when it is sane, else a new one. */
    public static String acceptOrCreate(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : create();
    }

    /** A random (version 4) UUID; not a secret, so from the thread's own generator rather than the shared SecureRandom. */
    public static String create() {
        var random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    /** The id of the current work, or a new one (then also set) when there is none. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        if (id == null) {
            String created = create();
            set(created);
            return created;
        }
        return id.toString();
    }

    /** The id of the current work, or null. */
    public static String peek() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    public static void set(String id) {
        MDC.put(MDC_KEY, id);
    }

    public static void clear() {
        MDC.remove(MDC_KEY);
    }
}
