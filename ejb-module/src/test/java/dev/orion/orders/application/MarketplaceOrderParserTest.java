package dev.orion.orders.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.platform.imports.RejectedRowException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class MarketplaceOrderParserTest {

    private static final String ORDER = """
            {"external_id":"AMZ-1","placed_at":"2026-11-20T10:15:00+01:00","currency":"EUR",\
            "customer":{"email":"ana@example.com","name":"Ana Lima","locale":"fr"},\
            "lines":[{"sku":"TENT-1","title":"Trail Tent","quantity":2,"unit_price":"129.00"},{"sku":"MUG-1","quantity":1,"unit_price":12.5}]}""";

    @Test
    void readsAnOrderWithItsCustomerAndLines() {
        MarketplaceOrder order = MarketplaceOrderParser.parse(7, ORDER);

        assertEquals("AMZ-1", order.externalId());
        assertEquals(OffsetDateTime.parse("2026-11-20T09:15:00Z").toInstant(), order.placedAt().toInstant());
        assertEquals("ana@example.com", order.customerEmail());
        assertEquals("fr", order.customerLocale());
        assertEquals(2, order.lines().size());
        assertEquals(new BigDecimal("12.50"), order.lines().get(1).unitPrice());
        assertEquals("MUG-1", order.lines().get(1).title(), "a line without a title is named by its SKU");
        assertTrue(order.warnings().isEmpty());
    }

    @Test
    void anUnknownLocaleIsDroppedWithAWarning() {
        MarketplaceOrder order = MarketplaceOrderParser.parse(3, ORDER.replace("\"fr\"", "\"pt-BR\""));

        assertEquals("en", order.customerLocale());
        assertEquals("customer.locale", order.warnings().get(0).column());
        assertEquals(3, order.warnings().get(0).line());
    }

    @Test
    void brokenOrderDataRejectsTheLineAndNamesTheField() {
        assertRejected("lines[0].quantity", ORDER.replace("\"quantity\":2", "\"quantity\":0"));
        assertRejected("lines[1].unit_price", ORDER.replace("12.5}", "\"12.505\"}"));
        assertRejected("lines[0].unit_price", ORDER.replace("\"129.00\"", "\"-1\""));
        assertRejected("external_id", ORDER.replace("\"AMZ-1\"", "\"\""));
        assertRejected("currency", ORDER.replace("\"EUR\"", "\"euro\""));
        assertRejected("customer.email", ORDER.replace("ana@example.com", "ana"));
        assertRejected("placed_at", ORDER.replace("2026-11-20T10:15:00+01:00", "20/11/2026"));
        assertRejected("lines", ORDER.replaceAll("\\[\\{.*}]", "[]"));
        assertRejected(null, "{\"external_id\":\"AMZ-1\",");
        assertRejected(null, "[1, 2]");
    }

    private static void assertRejected(String column, String line) {
        var rejected = assertThrows(RejectedRowException.class, () -> MarketplaceOrderParser.parse(5, line), line);
        assertEquals(column, rejected.column(), rejected.reason());
        assertEquals(5, rejected.line());
    }
}
