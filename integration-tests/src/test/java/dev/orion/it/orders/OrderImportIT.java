package dev.orion.it.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.JobStatus;
import dev.orion.it.support.InjectedFailure;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Marketplace orders feeds (JSON Lines) through the order-import job: orders once, stock once, emails once. */
@ExtendWith(ArquillianExtension.class)
class OrderImportIT extends OrionDeployment {

    private static final String FEED = String.join("\n",
            order("AMZ-1", "ana@example.com", "fr", line("TENT-1", 2, "\"129.00\""), line("MUG-1", 1, "12.5")),
            "",
            "{\"external_id\": \"AMZ-BROKEN\", ",
            order("AMZ-2", "bob@example.com", "de", line("MUG-1", 12, "\"12.50\"")),
            order("AMZ-1", "ana@example.com", "fr", line("TENT-1", 2, "\"129.00\"")),
            order("AMZ-3", "carol@example.com", "en", line("GHOST-1", 1, "\"5.00\"")),
            order("AMZ-4", "dan@example.com", "en", line("TENT-1", 0, "\"129.00\""))) + "\r\n";

    @Test
    void newOrdersAreImportedOnceWithStockTakenAndConfirmationsQueuedAndARerunChangesNothing() {
        var vendor = ApiSession.newVendor("oimp");
        long tent = TestData.product(vendor.vendorId, "TENT-1", "Trail Tent", "129.00");
        TestData.product(vendor.vendorId, "MUG-1", "Enamel Mug", "12.50");

        JsonObject done = importAndWait(vendor, FEED);

        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(6, done.getInt("rows_read"), "blank lines are not orders");
        assertEquals(2, done.getInt("rows_skipped"));
        assertEquals("3", count("SELECT count(*) FROM orders WHERE vendor_id = ?", vendor.vendorId));
        assertEquals("CONFIRMED", TestData.queryString("SELECT string_agg(DISTINCT status, ',') FROM orders WHERE vendor_id = ?", vendor.vendorId));
        assertEquals("8", stock(vendor, "TENT-1"), "AMZ-1 took 2 once, though the feed names it twice");
        assertEquals("0", stock(vendor, "MUG-1"), "AMZ-2 oversold: stock stops at zero");
        assertEquals("2026-11-20 09:15:00+00", TestData.queryString(
                "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00' FROM orders WHERE vendor_id = ? AND external_id = 'AMZ-1'", vendor.vendorId));
        assertEquals("270.50", TestData.queryString("SELECT total_amount FROM orders WHERE vendor_id = ? AND external_id = 'AMZ-1'", vendor.vendorId));
        assertEquals(Long.toString(tent), TestData.queryString("SELECT l.product_id FROM order_lines l JOIN orders o ON o.id = l.order_id"
                + " WHERE o.vendor_id = ? AND o.external_id = 'AMZ-1' AND l.sku = 'TENT-1'", vendor.vendorId));
        assertEquals(null, TestData.queryString("SELECT l.product_id FROM order_lines l JOIN orders o ON o.id = l.order_id"
                + " WHERE o.vendor_id = ? AND o.external_id = 'AMZ-3'", vendor.vendorId), "an unknown SKU keeps its line, without a product");
        assertEquals("de", TestData.queryString("SELECT locale FROM customers WHERE vendor_id = ? AND email = 'bob@example.com'", vendor.vendorId));
        assertEquals("3", confirmations(vendor));

        String report = new String(vendor.download("/order-imports/" + done.getInt("id") + "/rejects").body(), StandardCharsets.UTF_8);
        String[] rows = report.strip().split("\r?\n");
        assertEquals(5, rows.length, report);
        assertTrue(rows[1].startsWith("3,,") && rows[1].endsWith(",rejected"), report);
        assertTrue(rows[2].startsWith("4,quantity,12,oversold") && rows[2].endsWith(",warning"), report);
        assertTrue(rows[3].startsWith("6,sku,GHOST-1,SKU not in the catalogue"), report);
        assertTrue(rows[4].startsWith("7,lines[0].quantity,0,") && rows[4].endsWith(",rejected"), report);

        JsonObject rerun = importAndWait(vendor, FEED);

        assertEquals("COMPLETED", rerun.getString("status"), rerun.toString());
        assertEquals(0, rerun.getInt("rows_written"));
        assertEquals(4, rerun.getInt("rows_filtered"), "orders already imported are passed over");
        assertEquals("3", count("SELECT count(*) FROM orders WHERE vendor_id = ?", vendor.vendorId));
        assertEquals("8", stock(vendor, "TENT-1"));
        assertEquals("3", confirmations(vendor));
        assertEquals("api-client|order-import|" + done.getJsonNumber("id") + "|upload,api-client|order-import|" + rerun.getJsonNumber("id") + "|upload",
                TestData.queryString("SELECT string_agg(actor_type || '|' || entity_type || '|' || entity_id || '|' || details, ',' ORDER BY id)"
                        + " FROM audit_log WHERE vendor_id = ? AND action = 'order-import.start'", vendor.vendorId), "each start is in the audit log once");
    }

    @Test
    void anImportThatFailsMidwayRestartsFromItsCheckpointAndTakesStockOnce() {
        var vendor = ApiSession.newVendor("ofail");
        var platform = ApiSession.newPlatform("ofail");
        TestData.product(vendor.vendorId, "BULK-1", "Bulk Item", "1.00");
        TestData.execute("UPDATE products SET stock = 1000 WHERE vendor_id = ?", vendor.vendorId);
        String poison = "ORD-" + vendor.vendorId + "-150";
        String feed = IntStream.rangeClosed(1, 250)
                .mapToObj(i -> order("ORD-" + vendor.vendorId + "-" + i, "buyer" + i + "@example.com", "en", line("BULK-1", 1, "\"1.00\"")))
                .collect(Collectors.joining("\n"));
        JsonObject failed;
        try (var failure = new InjectedFailure("fail_order_import_" + vendor.vendorId, "orders", "NEW.external_id = '" + poison + "'")) {
            failed = importAndWait(vendor, feed);
        }
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        assertEquals("100", count("SELECT count(*) FROM orders WHERE vendor_id = ?", vendor.vendorId), "the first chunk (100 orders) committed");
        assertEquals("900", stock(vendor, "BULK-1"));
        assertEquals("100", confirmations(vendor), "the rolled-back chunk's emails were never queued");

        long restarted = Http.json(platform.send("POST", "/batch/executions/" + failed.getInt("id") + "/restart", null, null))
                .getJsonNumber("id").longValue();
        JsonObject done = Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get("/order-imports/" + failed.getInt("id"))),
                s -> s.getJsonNumber("execution_id").longValue() == restarted && JobStatus.ended(s));

        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(150, done.getInt("rows_read"), "resumed after the checkpoint, not from the first line");
        assertEquals("250", count("SELECT count(*) FROM orders WHERE vendor_id = ?", vendor.vendorId));
        assertEquals("750", stock(vendor, "BULK-1"), "each order took its unit exactly once");
        assertEquals("250", confirmations(vendor));
    }

    @Test
    void anEmptyFeedIsRefusedAndAnotherVendorsImportIsNotFound() {
        var vendor = ApiSession.newVendor("oempty");
        var other = ApiSession.newVendor("oother");
        var empty = vendor.post("/order-imports", "application/jsonl", new byte[0]);
        assertEquals(400, empty.statusCode(), empty.body());
        assertTrue(Http.json(empty).getString("detail").contains("empty"), empty.body());

        JsonObject done = importAndWait(vendor, order("X-1", "x@example.com", "en", line("NONE", 1, "1")));
        assertEquals(404, other.get("/order-imports/" + done.getInt("id")).statusCode());
        assertEquals(404, vendor.get("/imports/" + done.getInt("id")).statusCode(), "an order import is not a product import");
    }

    private static JsonObject importAndWait(ApiSession vendor, String feed) {
        var accepted = vendor.post("/order-imports", "application/x-ndjson", feed.getBytes(StandardCharsets.UTF_8));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String path = ApiSession.path(accepted.headers().firstValue("Location").orElseThrow());
        return Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get(path)), JobStatus::ended);
    }

    private static String order(String id, String email, String locale, String... lines) {
        return "{\"external_id\":\"" + id + "\",\"placed_at\":\"2026-11-20T10:15:00+01:00\",\"currency\":\"EUR\","
                + "\"customer\":{\"email\":\"" + email + "\",\"name\":\"Buyer\",\"locale\":\"" + locale + "\"},"
                + "\"lines\":[" + String.join(",", lines) + "]}";
    }

    private static String line(String sku, int quantity, String price) {
        return "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"unit_price\":" + price + "}";
    }

    private static String stock(ApiSession vendor, String sku) {
        return TestData.queryString("SELECT stock FROM products WHERE vendor_id = ? AND sku = ?", vendor.vendorId, sku);
    }

    private static String confirmations(ApiSession vendor) {
        return count("SELECT count(*) FROM email_outbox e JOIN orders o ON e.dedupe_key = 'order-confirmation:' || o.id"
                + " WHERE o.vendor_id = ?", vendor.vendorId);
    }

    private static String count(String sql, long vendorId) {
        return TestData.queryString(sql, vendorId);
    }
}
