package dev.orion.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 11, 23);

    @Test
    void aVendorsInvoiceIsNumberedInItsOwnSeriesAndKeptUnderItsNumber() {
        var invoice = Invoice.forOrder(7, "vendor:7", "northwind", 42, ISSUED, 7, new BigDecimal("20.00"), new BigDecimal("4.00"), "EUR");

        assertEquals("NORTHWIND-2026-000007", invoice.getNumber());
        assertEquals("invoices/7/NORTHWIND-2026-000007.pdf", invoice.getStorageKey());
        assertEquals(new BigDecimal("24.00"), invoice.getTotal(), "net plus VAT");
        assertEquals(42L, invoice.getOrderId());
    }

    @Test
    void aSubscriptionInvoiceIsThePlatformsAndSaysSo() {
        var invoice = Invoice.forSubscription(7, "platform", 3, ISSUED, 12, new BigDecimal("40.83"), new BigDecimal("8.17"), "EUR");

        assertEquals("ORION-2026-000012", invoice.getNumber());
        assertEquals(3L, invoice.getSubscriptionId());
    }
}
