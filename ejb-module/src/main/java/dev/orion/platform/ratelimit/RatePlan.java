package dev.orion.platform.ratelimit;

/**
 * A request budget: {@code perSecond} on average, with bursts up to {@code burst}. Written "20/40" in
 * configuration. It is enforced as {@code burst} requests per window of {@code burst / perSecond} seconds.
 */
public record RatePlan(int perSecond, int burst) {

    public RatePlan {
        if (perSecond < 1 || burst < perSecond) {
            throw new IllegalArgumentException("A rate plan needs perSecond >= 1 and burst >= perSecond");
        }
    }

    public static RatePlan parse(String text) {
        String[] parts = text.strip().split("/");
        try {
            int rate = Integer.parseInt(parts[0].strip());
            return new RatePlan(rate, parts.length > 1 ? Integer.parseInt(parts[1].strip()) : rate);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A rate plan looks like 20/40 (requests per second / burst), was " + text);
        }
    }

    public long windowMillis() {
        return Math.max(1000L, 1000L * burst / perSecond);
    }
}
