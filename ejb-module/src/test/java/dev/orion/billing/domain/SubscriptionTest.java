package dev.orion.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    @Test
    void renewalStartsTheNextPeriodWhereTheLastEnded() {
        var monthly = new Subscription(1L, Subscription.Plan.GROWTH, Subscription.Period.MONTHLY, new BigDecimal("49.00"), "EUR",
                LocalDate.of(2026, 1, 15));
        monthly.renew();
        assertEquals(LocalDate.of(2026, 2, 15), monthly.getPeriodStart());
        assertEquals(LocalDate.of(2026, 3, 15), monthly.getPeriodEnd());

        var yearly = new Subscription(1L, Subscription.Plan.STARTER, Subscription.Period.YEARLY, new BigDecimal("490.00"), "EUR",
                LocalDate.of(2026, 3, 1));
        yearly.pastDue();
        yearly.renew();
        assertEquals(Subscription.Status.ACTIVE, yearly.getStatus(), "a past-due subscription that is paid becomes active again");
        assertEquals(LocalDate.of(2028, 3, 1), yearly.getPeriodEnd());
    }

    @Test
    void aLapsedSubscriptionIsNotRenewed() {
        var subscription = new Subscription(1L, Subscription.Plan.GROWTH, Subscription.Period.MONTHLY, new BigDecimal("49.00"), "EUR",
                LocalDate.of(2026, 1, 1));
        subscription.lapse();
        assertThrows(IllegalStateException.class, subscription::renew);
    }

    @Test
    void aCancelledSubscriptionKeepsItsPlanAndIsNotRenewed() {
        var subscription = new Subscription(1L, Subscription.Plan.GROWTH, Subscription.Period.MONTHLY, new BigDecimal("49.00"), "EUR",
                LocalDate.of(2026, 1, 15));
        subscription.changePlan(Subscription.Plan.ENTERPRISE, new BigDecimal("199.00"), "EUR");
        subscription.cancel();
        assertThrows(IllegalStateException.class, () -> subscription.changePlan(Subscription.Plan.STARTER, BigDecimal.TEN, "EUR"));
        assertThrows(IllegalStateException.class, subscription::renew);
        assertEquals(Subscription.Plan.ENTERPRISE, subscription.getPlan());
    }

    @Test
    void rejectsANegativePriceOrAnUnknownCurrency() {
        var subscription = new Subscription(1L, Subscription.Plan.GROWTH, Subscription.Period.MONTHLY, new BigDecimal("49.00"), "EUR",
                LocalDate.of(2026, 1, 15));
        assertThrows(IllegalArgumentException.class, () -> subscription.changePlan(Subscription.Plan.GROWTH, new BigDecimal("-1"), "EUR"));
        assertThrows(IllegalArgumentException.class, () -> subscription.changePlan(Subscription.Plan.GROWTH, BigDecimal.ONE, "euro"));
        assertEquals(new BigDecimal("49.00"), subscription.getPrice());
    }
}
