package dev.orion.catalog.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A product's dates read as JSON-B's formatter (ISO_OFFSET_DATE_TIME) writes them, to the character. */
class IsoOffsetDateTimeTest {

    @Test
    void writesWhatTheIsoFormatterWritesForTheEdges() {
        var edges = List.of(
                OffsetDateTime.of(2026, 1, 31, 9, 15, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 1, 31, 9, 15, 0, 985_050_000, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 6, 1, 0, 0, 0, 1, ZoneOffset.ofHoursMinutes(-9, -30)),
                OffsetDateTime.of(2025, 12, 31, 23, 59, 59, 100_000_000, ZoneOffset.ofHours(2)),
                OffsetDateTime.of(2025, 12, 31, 23, 59, 59, 123_456_000, ZoneOffset.ofHoursMinutesSeconds(5, 30, 15)),
                OffsetDateTime.of(2025, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.ofHoursMinutesSeconds(-1, 0, -1)),
                OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.MAX),
                OffsetDateTime.of(999, 3, 4, 5, 6, 7, 8, ZoneOffset.MIN),
                OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(-42, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC),
                OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(-10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.MAX,
                OffsetDateTime.MIN);
        for (OffsetDateTime value : edges) {
            assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value), IsoOffsetDateTime.format(value));
        }
    }

    @Test
    void writesWhatTheIsoFormatterWritesForRandomInstants() {
        var random = new SplittableRandom(17);
        for (int i = 0; i < 100_000; i++) {
            long epochSecond = random.nextLong(-62_000_000_000L, 253_000_000_000L); // years 5 to 9986
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000_000) * 1_000; // microseconds, as PostgreSQL stores them
                case 2 -> random.nextInt(1_000) * 1_000_000;
                default -> random.nextInt(1_000_000_000);
            };
            var offset = ZoneOffset.ofTotalSeconds(i % 3 == 0 ? 0 : random.nextInt(-18 * 3600, 18 * 3600 + 1));
            var value = OffsetDateTime.of(LocalDateTime.ofEpochSecond(epochSecond, nano, offset), offset);
            assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value), IsoOffsetDateTime.format(value));
        }
    }
}
