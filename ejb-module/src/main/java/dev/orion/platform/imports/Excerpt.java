package dev.orion.platform.imports;

import java.nio.charset.StandardCharsets;

/**
 * What a rejected row may echo of the feed: a value up to {@value #MAX_CHARS} characters as it is, anything
 * longer cut there and marked with its full size, so a report never carries a whole line (or a whole file)
 * of something that is not feed data.
 */
public final class Excerpt {

    public static final int MAX_CHARS = 200;

    private Excerpt() {
    }

    public static String of(String value) {
        return of(value, MAX_CHARS);
    }

    public static String of(String value, int maxChars) {
        if (value == null || value.length() <= maxChars) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return value.substring(0, end) + "…[truncated, " + value.getBytes(StandardCharsets.UTF_8).length + " bytes]";
    }
}
