package dev.orion.platform.ratelimit;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * A request budget: {@code burst} requests per window of {@code windowMillis}. Written "20/40" in configuration
 * ({@code perSecond} on average with bursts up to {@code burst}, i.e. a window of {@code burst / perSecond}
 * seconds), or "5/PT15M" (5 per 15 minutes, for budgets slower than one a second such as sign-in failures;
 * {@code perSecond} is then 0).
 */
public record RatePlan(int perSecond, int burst, long windowMillis) {

    public RatePlan {
        if (burst < 1 || windowMillis < 1000 || perSecond < 0) {
            throw new IllegalArgumentException("A rate plan needs burst >= 1 and a window of at least one second");
        }
    }

    public RatePlan(int perSecond, int burst) {
        this(checked(perSecond, burst), burst, Math.max(1000L, 1000L * burst / Math.max(1, perSecond)));
    }

    /** {@code count} requests per {@code window}. */
    public static RatePlan perWindow(int count, Duration window) {
        return new RatePlan(0, count, window.toMillis());
    }

    public static RatePlan parse(String text) {
        String[] parts = text.strip().split("/");
        try {
            int rate = Integer.parseInt(parts[0].strip());
            if (parts.length > 1 && parts[1].strip().toUpperCase(java.util.Locale.ROOT).startsWith("P")) {
                return perWindow(rate, Duration.parse(parts[1].strip().toUpperCase(java.util.Locale.ROOT)));
            }
            return new RatePlan(rate, parts.length > 1 ? Integer.parseInt(parts[1].strip()) : rate);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("A rate plan looks like 20/40 (requests per second / burst) or 5/PT15M"
                    + " (requests per ISO-8601 duration), was " + text);
        }
    }

    private static int checked(int perSecond, int burst) {
        if (perSecond < 1 || burst < perSecond) {
            throw new IllegalArgumentException("A rate plan needs perSecond >= 1 and burst >= perSecond");
        }
        return perSecond;
    }
}
