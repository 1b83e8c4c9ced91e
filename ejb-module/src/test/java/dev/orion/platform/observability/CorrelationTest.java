package dev.orion.platform.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class CorrelationTest {

    @Test
    void keepsASaneIncomingId() {
        assertEquals("req-42.a:b_C", Correlation.acceptOrCreate("req-42.a:b_C"));
        assertEquals("0f8fad5b-d9cb-469f-a165-70867728950e", Correlation.acceptOrCreate("0f8fad5b-d9cb-469f-a165-70867728950e"));
    }

    @Test
    void replacesAnIdThatCouldForgeALogLineOrIsTooLong() {
        for (String bad : new String[] {null, "", "a b", "x\nINFO forged", "<script>", "-leading", "a".repeat(101)}) {
            String id = Correlation.acceptOrCreate(bad);
            assertNotEquals(bad, id);
            assertEquals(4, java.util.UUID.fromString(id).version(), "a new random UUID instead of " + bad);
        }
    }
}
