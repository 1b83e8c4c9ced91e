package dev.orion.operations.housekeeping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HousekeepingTest {

    @Test
    void summaryListsEveryCapabilitysPurgeInOneSentence() {
        assertEquals("nothing", Housekeeping.inWords(List.of()));
        assertEquals("3 sent email(s)", Housekeeping.inWords(List.of("3 sent email(s)")));
        assertEquals("1 expired password reset link(s), 0 schedule run(s) and 3 sent email(s)",
                Housekeeping.inWords(List.of("1 expired password reset link(s)", "0 schedule run(s)", "3 sent email(s)")));
    }
}
