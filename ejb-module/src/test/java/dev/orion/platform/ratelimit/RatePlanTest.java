package dev.orion.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RatePlanTest {

    @Test
    void aPerSecondPlanHasAWindowOfBurstOverRate() {
        RatePlan plan = RatePlan.parse("20/40");
        assertEquals(40, plan.burst());
        assertEquals(2000, plan.windowMillis());
    }

    @Test
    void aPlanSlowerThanOneASecondIsACountPerDuration() {
        RatePlan plan = RatePlan.parse("5/PT15M");
        assertEquals(5, plan.burst());
        assertEquals(15 * 60 * 1000, plan.windowMillis());
    }

    @Test
    void rejectsAnEmptyBudgetOrAnUnreadableDuration() {
        assertThrows(IllegalArgumentException.class, () -> RatePlan.parse("0/PT1M"));
        assertThrows(IllegalArgumentException.class, () -> RatePlan.parse("5/PT15X"));
        assertThrows(IllegalArgumentException.class, () -> RatePlan.parse("2/1"));
    }
}
