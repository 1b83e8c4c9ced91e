package dev.orion.operations.alerts.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRuleTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-06T10:00:00Z");

    private final AlertRule rule = new AlertRule("Dead letters", AlertKind.DEAD_LETTERS, 5, 60, "ops@example.com", true);

    @Test
    void firesOnceAboveTheThresholdAndResolvesOnceAtOrBelowIt() {
        assertEquals(AlertTransition.NONE, rule.observe(5, "5 dead", T0), "at the threshold is not above it");
        assertEquals(AlertTransition.FIRED, rule.observe(6, "6 dead", T0.plusMinutes(1)));
        assertEquals(AlertTransition.NONE, rule.observe(9, "9 dead", T0.plusMinutes(2)), "still firing: nothing new to tell");
        assertEquals(AlertTransition.NONE, rule.observe(6, "6 dead", T0.plusMinutes(3)));
        assertTrue(rule.isFiring());
        assertEquals(T0.plusMinutes(1), rule.getFiringSince());
        assertEquals(AlertTransition.RESOLVED, rule.observe(5, "5 dead", T0.plusMinutes(4)));
        assertEquals(AlertTransition.NONE, rule.observe(0, "0 dead", T0.plusMinutes(5)));
        assertFalse(rule.isFiring());
        assertEquals(1, rule.getEpisode());
    }

    @Test
    void eachFiringIsANewEpisode() {
        rule.observe(6, null, T0);
        rule.observe(0, null, T0.plusMinutes(1));
        assertEquals(AlertTransition.FIRED, rule.observe(7, null, T0.plusMinutes(2)));
        assertEquals(2, rule.getEpisode());
        assertEquals(T0.plusMinutes(2), rule.getFiringSince());
    }

    @Test
    void disablingAFiringRuleEndsItWithoutAResolvedTransition() {
        rule.observe(6, null, T0);
        rule.change("Dead letters", AlertKind.DEAD_LETTERS, 5, 60, "ops@example.com", false);
        assertFalse(rule.isFiring());
        assertEquals(AlertTransition.NONE, rule.observe(9, null, T0.plusMinutes(1)), "a disabled rule never fires");
    }

    @Test
    void recipientsAreNormalizedAndChecked() {
        assertEquals(List.of("ops@example.com", "oncall@example.org"), AlertRule.recipientsOf(" Ops@Example.com, oncall@example.org;ops@example.com "));
        assertEquals("recipients", assertThrows(InvalidAlertRuleException.class, () -> AlertRule.recipientsOf("ops at example")).field());
        assertEquals("recipients", assertThrows(InvalidAlertRuleException.class, () -> AlertRule.recipientsOf(" , ")).field());
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertEquals("threshold", assertThrows(InvalidAlertRuleException.class,
                () -> new AlertRule("x", AlertKind.FAILED_JOBS, -1, 60, "a@b.example", true)).field());
        assertEquals("window", assertThrows(InvalidAlertRuleException.class,
                () -> new AlertRule("x", AlertKind.FAILED_JOBS, 0, 0, "a@b.example", true)).field());
        assertEquals("name", assertThrows(InvalidAlertRuleException.class,
                () -> new AlertRule(" ", AlertKind.FAILED_JOBS, 0, 60, "a@b.example", true)).field());
        assertEquals("kind", assertThrows(InvalidAlertRuleException.class,
                () -> new AlertRule("x", null, 0, 60, "a@b.example", true)).field());
    }
}
