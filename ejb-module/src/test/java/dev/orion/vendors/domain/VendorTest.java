package dev.orion.vendors.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VendorTest {

    private final Vendor vendor = new Vendor("northwind", "Northwind");

    @Test
    void acceptsOnlyHttpOrdersFeeds() {
        vendor.changeOrdersFeedUrl(" https://feeds.example.com/orders.jsonl ");
        assertEquals("https://feeds.example.com/orders.jsonl", vendor.getOrdersFeedUrl());
        for (String bad : new String[] {"file:///etc/passwd", "ftp://example.com/x", "not a url", "http://"}) {
            assertThrows(IllegalArgumentException.class, () -> vendor.changeOrdersFeedUrl(bad), bad);
        }
        assertEquals("https://feeds.example.com/orders.jsonl", vendor.getOrdersFeedUrl(), "a refused URL changes nothing");
        vendor.changeOrdersFeedUrl("  ");
        assertNull(vendor.getOrdersFeedUrl(), "blank removes the feed");
    }

    @Test
    void vatRateIsAPercentageBelowOneHundred() {
        vendor.changeVatRate(new BigDecimal("7.7"));
        assertEquals(new BigDecimal("7.70"), vendor.getVatRate());
        assertThrows(IllegalArgumentException.class, () -> vendor.changeVatRate(new BigDecimal("100")));
        assertThrows(IllegalArgumentException.class, () -> vendor.changeVatRate(new BigDecimal("-0.5")));
        assertThrows(IllegalArgumentException.class, () -> vendor.changeVatRate(new BigDecimal("5.555")));
    }

    @Test
    void rejectsACodeWithCapitalsOrSpaces() {
        assertThrows(IllegalArgumentException.class, () -> new Vendor("North Wind", "Northwind"));
    }

    @Test
    void lowStockThresholdStartsAtFiveAndStaysWithinZeroToAMillion() {
        assertEquals(5, vendor.getLowStockThreshold());
        vendor.changeLowStockThreshold(0);
        assertEquals(0, vendor.getLowStockThreshold());
        vendor.changeLowStockThreshold(10);
        assertEquals(10, vendor.getLowStockThreshold());
        assertThrows(IllegalArgumentException.class, () -> vendor.changeLowStockThreshold(-1));
        assertThrows(IllegalArgumentException.class, () -> vendor.changeLowStockThreshold(1_000_001));
        assertEquals(10, vendor.getLowStockThreshold());
    }
}
