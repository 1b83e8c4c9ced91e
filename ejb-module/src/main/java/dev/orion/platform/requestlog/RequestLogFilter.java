package dev.orion.platform.requestlog;

import java.time.OffsetDateTime;

/**
 * What the request log is searched by; every member is optional. {@code statusClass} is the status's hundreds
 * digit (4 for 4xx), {@code route} a template as logged ({@code /api/v1/orders}), the time range half-open.
 */
public record RequestLogFilter(String clientId, Integer statusClass, String route, OffsetDateTime from, OffsetDateTime to) {

    /** "4xx" (or "4XX", or "4") as a status class; null for none. */
    public static Integer statusClass(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digit = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (!digit.matches("[1-5](xx)?")) {
            throw new IllegalArgumentException("status_class must be one of 1xx, 2xx, 3xx, 4xx, 5xx");
        }
        return digit.charAt(0) - '0';
    }
}
