package dev.orion.platform.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/** How the operations pages write times: to the second, in UTC unless a page shows a schedule's own zone. */
@Named
@ApplicationScoped
public class OperationsTimes {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss (EEE) VV", java.util.Locale.ENGLISH);

    /** An Instant or OffsetDateTime in UTC; empty for none. */
    public String utc(TemporalAccessor time) {
        return time == null ? "" : UTC.format(time);
    }

    /** A time in the given zone (a schedule's), with the zone's name; falls back to UTC for an unknown zone. */
    public String in(OffsetDateTime time, String zone) {
        if (time == null) {
            return "";
        }
        ZoneId id;
        try {
            id = ZoneId.of(zone);
        } catch (RuntimeException e) {
            id = ZoneOffset.UTC;
        }
        return ZONED.format(time.atZoneSameInstant(id));
    }
}
