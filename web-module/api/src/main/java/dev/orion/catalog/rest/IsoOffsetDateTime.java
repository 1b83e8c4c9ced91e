package dev.orion.catalog.rest;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The text {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} makes of an {@link OffsetDateTime} (what JSON-B writes for
 * one), written straight into a {@link StringBuilder}: seconds always, the fraction only when not zero and without
 * trailing zeros, the offset as {@code Z} or {@code +HH:MM[:SS]}, years beyond four digits signed. The formatter's
 * general machinery (a print context, a field look-up per letter of the pattern) was 8 % of a page of products'
 * samples for its 100 dates; {@code IsoOffsetDateTimeTest} holds this one to the formatter's output.
 */
final class IsoOffsetDateTime {

    private IsoOffsetDateTime() {
    }

    static String format(OffsetDateTime value) {
        var text = new StringBuilder(35);
        int year = value.getYear();
        if (Math.abs(year) < 10_000) {
            if (year < 0) {
                text.append('-');
            }
            pad(text, Math.abs(year), 4);
        } else {
            text.append(year > 0 ? '+' : '-').append(Math.abs((long) year));
        }
        text.append('-');
        pad(text, value.getMonthValue(), 2);
        text.append('-');
        pad(text, value.getDayOfMonth(), 2);
        text.append('T');
        pad(text, value.getHour(), 2);
        text.append(':');
        pad(text, value.getMinute(), 2);
        text.append(':');
        pad(text, value.getSecond(), 2);
        int nano = value.getNano();
        if (nano > 0) {
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            text.append('.');
            pad(text, nano, digits);
        }
        offset(text, value.getOffset().getTotalSeconds());
        return text.toString();
    }

    private static void offset(StringBuilder text, int totalSeconds) {
        if (totalSeconds == 0) {
            text.append('Z');
            return;
        }
        int seconds = Math.abs(totalSeconds);
        text.append(totalSeconds < 0 ? '-' : '+');
        pad(text, seconds / 3600, 2);
        text.append(':');
        pad(text, seconds / 60 % 60, 2);
        if (seconds % 60 != 0) {
            text.append(':');
            pad(text, seconds % 60, 2);
        }
    }

    /** {@code value} (not negative) in at least {@code width} digits, zeros in front. */
    private static void pad(StringBuilder text, int value, int width) {
        for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
            if (value < limit) {
                text.append('0');
            }
        }
        text.append(value);
    }
}
