package dev.orion.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Order confirmation emails made through the API, and their rows in the outbox. */
public final class OutboxEmails {

    private OutboxEmails() {
    }

    /** Confirms a new order of the vendor for a customer at {@code email}; returns its confirmation's outbox id. */
    public static long confirmOrderFor(ApiSession vendor, String email) {
        long orderId = TestData.pendingOrder(vendor.vendorId, email, "SKU-1", "9.90");
        var confirmed = vendor.send("POST", "/orders/" + orderId + "/transitions", "application/json", "{\"to\":\"CONFIRMED\"}");
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        return Long.parseLong(TestData.queryString("SELECT id FROM email_outbox WHERE dedupe_key = ?", "order-confirmation:" + orderId));
    }

    public static String status(long outboxId) {
        return TestData.queryString("SELECT status FROM email_outbox WHERE id = ?", outboxId);
    }

    public static int attempts(long outboxId) {
        return Integer.parseInt(TestData.queryString("SELECT attempts FROM email_outbox WHERE id = ?", outboxId));
    }
}
