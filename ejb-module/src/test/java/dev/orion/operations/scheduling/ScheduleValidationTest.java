package dev.orion.operations.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each refused setting names the field at fault, so the console can show the message next to it. */
class ScheduleValidationTest {

    private static final OffsetDateTime NEXT = OffsetDateTime.parse("2026-12-01T03:00:00Z");

    /** The timer service's part: refuses a minute of 75 and fires never for year 1999, like WildFly's. */
    private static final class FakeTimers extends ScheduleTimers {
        @Override
        public Optional<Map.Entry<String, String>> refusedField(ScheduleChange settings) {
            return settings.minute().equals("75") ? Optional.of(Map.entry("minute", "75 is out of range")) : Optional.empty();
        }

        @Override
        public List<OffsetDateTime> preview(ScheduleChange settings, int count) {
            return settings.year().equals("1999") ? List.of() : java.util.Collections.nCopies(count, NEXT);
        }
    }

    private static Schedules schedules() {
        var schedules = new Schedules();
        schedules.timers = new FakeTimers();
        return schedules;
    }

    private static ScheduleChange change(String minute, String hour, String year, String zone, String parameters) {
        return new ScheduleChange("0", minute, hour, "*", "*", "*", year, zone, true, parameters, Schedule.MisfirePolicy.SKIP);
    }

    private static InvalidScheduleException refusal(ScheduleChange change) {
        return assertThrows(InvalidScheduleException.class, () -> schedules().preview(change));
    }

    @Test
    void aBlankFieldIsRefusedAtThatField() {
        assertEquals("hour", refusal(change("0", " ", "*", "UTC", "{}")).field());
    }

    @Test
    void anUnknownTimeZoneIsRefusedAtTheTimeZone() {
        assertEquals("timeZone", refusal(change("0", "3", "*", "Mars/Olympus", "{}")).field());
    }

    @Test
    void parametersThatAreNotAJsonObjectAreRefusedAtTheParameters() {
        assertEquals("parameters", refusal(change("0", "3", "*", "UTC", "[1, 2]")).field());
    }

    @Test
    void aValueTheTimerServiceRefusesIsRefusedAtItsFieldWithTheReason() {
        var refused = refusal(change("75", "3", "*", "UTC", "{}"));
        assertEquals("minute", refused.field());
        assertEquals("Invalid calendar expression: 75 is out of range", refused.getMessage());
    }

    @Test
    void anExpressionThatNeverFiresIsRefusedAsAWhole() {
        var refused = refusal(change("0", "3", "1999", "UTC", "{}"));
        assertNull(refused.field());
        assertEquals("The expression never fires", refused.getMessage());
    }

    @Test
    void aValidExpressionPreviewsFiveRuns() {
        assertEquals(5, schedules().preview(change("30", "4", "*", "Europe/Paris", "{\"format\": \"PDF\"}")).size());
    }
}
