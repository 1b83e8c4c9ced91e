package dev.orion.orders.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orion.platform.domain.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderLifecycleTest {

    private static Order pendingOrder() {
        var order = new Order(new Customer(1L, "ada@example.com", "Ada", "en"), "EUR", "ext-1");
        order.addLine(10L, "SKU-1", "Lamp", 2, new Money(new BigDecimal("12.50"), "EUR"));
        return order;
    }

    @ParameterizedTest
    @CsvSource({"PENDING,CONFIRMED", "PENDING,CANCELLED", "CONFIRMED,SHIPPED", "CONFIRMED,CANCELLED",
            "SHIPPED,DELIVERED", "DELIVERED,REFUNDED", "CONFIRMED,REFUNDED"})
    void allowsTheDocumentedTransitions(OrderStatus from, OrderStatus to) {
        assertEquals(true, from.canMoveTo(to));
    }

    @ParameterizedTest
    @CsvSource({"PENDING,SHIPPED", "PENDING,DELIVERED", "SHIPPED,CANCELLED", "DELIVERED,SHIPPED",
            "CANCELLED,CONFIRMED", "REFUNDED,PENDING", "CONFIRMED,PENDING"})
    void refusesEveryOtherTransition(OrderStatus from, OrderStatus to) {
        assertEquals(false, from.canMoveTo(to));
    }

    @Test
    void rejectsSkippingConfirmation() {
        var order = pendingOrder();
        assertThrows(IllegalTransitionException.class, () -> order.moveTo(OrderStatus.DELIVERED, null));
        assertEquals(OrderStatus.PENDING, order.getStatus());
    }

    @Test
    void shippingNeedsATrackingNumber() {
        var order = pendingOrder();
        order.moveTo(OrderStatus.CONFIRMED, null);
        assertThrows(IllegalArgumentException.class, () -> order.moveTo(OrderStatus.SHIPPED, " "));
        assertEquals(OrderStatus.CONFIRMED, order.moveTo(OrderStatus.SHIPPED, "TRK-1"));
        assertEquals("TRK-1", order.getTrackingNumber());
    }

    @Test
    void totalIsTheExactSumOfLines() {
        var order = pendingOrder();
        order.addLine(11L, "SKU-2", "Mug", 3, new Money(new BigDecimal("0.10"), "EUR"));
        assertEquals(new Money(new BigDecimal("25.30"), "EUR"), order.getTotal());
    }

    @Test
    void rejectsALineInAnotherCurrency() {
        var order = pendingOrder();
        assertThrows(IllegalArgumentException.class,
                () -> order.addLine(12L, "SKU-3", "Tent", 1, new Money(BigDecimal.ONE, "USD")));
    }

    @ParameterizedTest
    @CsvSource({"PENDING,false", "CONFIRMED,true", "SHIPPED,true", "DELIVERED,true", "CANCELLED,false", "REFUNDED,false"})
    void onlyAConfirmedOrderNotUndoneHasAConfirmationToResend(OrderStatus status, boolean resendable) {
        assertEquals(resendable, status.hasConfirmation());
    }
}
