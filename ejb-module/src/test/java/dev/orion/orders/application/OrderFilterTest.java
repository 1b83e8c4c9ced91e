package dev.orion.orders.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class OrderFilterTest {

    private static OrderFilter searching(String text) {
        return new OrderFilter(null, null, null, text);
    }

    @Test
    void blankSearchSearchesNothing() {
        assertNull(searching("   ").searchText());
        assertNull(searching(null).searchText());
    }

    @Test
    void digitsAlsoSearchTheOrderNumber() {
        assertEquals(4711L, searching(" 4711 ").searchedOrderId());
        assertNull(searching("ada@example.com").searchedOrderId());
        assertNull(searching("99999999999999999999").searchedOrderId(), "too long for an order number");
    }
}
