package dev.orion.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void lineBreaksCannotForgeALogLine() {
        assertEquals("a@b.example??FORGED", LogText.excerpt("a@b.example\r\nFORGED"));
        assertTrue(LogText.hasControl("a\nb"));
        assertFalse(LogText.hasControl("ada@lovelace.example"));
    }

    @Test
    void longTextIsCutWithItsLength() {
        String excerpt = LogText.excerpt("x".repeat(1_000_000), 10);
        assertEquals("xxxxxxxxxx…(1000000 chars)", excerpt);
    }
}
