package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.orion.it.support.ServedFile;
import dev.orion.it.support.Mails;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The scheduled tasks themselves, run on demand: nightly sales reports by email, marketplace order imports. */
@ExtendWith(ArquillianExtension.class)
class ScheduledTasksIT extends OrionDeployment {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void theNightlyReportOfYesterdayIsEmailedToTheVendorsUsersWithThePdfAttached() throws Exception {
        var vendor = ApiSession.newVendor("nightly");
        String admin = TestData.unique("admin") + "@nightly.example";
        TestData.consoleUser(admin, "a long password", "VENDOR", vendor.vendorId);
        long order = TestData.pendingOrder(vendor.vendorId, "buyer@example.com", "SKU-1", "30.00");
        TestData.execute("UPDATE orders SET status = 'CONFIRMED', created_at = now() - interval '1 day' WHERE id = ?", order);
        var platform = ApiSession.newPlatform("nightly");

        JsonObject run = runNow(platform, "nightly-sales-reports");

        assertEquals("SUCCEEDED", run.getString("outcome"), run.toString());
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        MimeMessage email = Poll.until(Duration.ofSeconds(60), () -> SMTP.getReceivedMessagesForDomain(admin), m -> m.length > 0)[0];
        assertTrue(email.getSubject().startsWith("Sales report " + yesterday), email.getSubject());
        Part pdf = Mails.attachment(email);
        assertEquals("sales-" + yesterday + ".pdf", pdf.getFileName());
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(pdf.getInputStream().readAllBytes(), 4));
    }

    @Test
    void theOrderImportReadsEachVendorsMarketplaceFeed() throws Exception {
        var vendor = ApiSession.newVendor("feed");
        TestData.product(vendor.vendorId, "MUG-1", "Mug", "12.50");
        String feed = "{\"external_id\":\"MK-1\",\"currency\":\"EUR\",\"customer\":{\"email\":\"m@example.com\"},"
                + "\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":3,\"unit_price\":\"12.50\"}]}\n";
        try (var marketplace = new ServedFile("/orders.jsonl", feed)) {
            TestData.execute("UPDATE vendors SET orders_feed_url = NULL");
            TestData.execute("UPDATE vendors SET orders_feed_url = ? WHERE id = ?", marketplace.url(), vendor.vendorId);

            JsonObject run = runNow(ApiSession.newPlatform("feed"), "marketplace-order-import");

            assertEquals("SUCCEEDED", run.getString("outcome"), run.toString());
            assertTrue(run.getString("detail").startsWith("started 1 import(s)"), run.toString());
            assertEquals("7", Poll.until(Duration.ofSeconds(30),
                    () -> TestData.queryString("SELECT stock FROM products WHERE vendor_id = ? AND sku = 'MUG-1'", vendor.vendorId),
                    "7"::equals), "the imported order took 3 of 10");
        } finally {
            TestData.execute("UPDATE vendors SET orders_feed_url = NULL WHERE id = ?", vendor.vendorId);
        }
    }

    @Test
    void subscriptionsAtTheirPeriodsEndAreRenewedAndInvoicedOrLapse() throws Exception {
        var active = ApiSession.newVendor("subs");
        String admin = TestData.unique("billing") + "@subs.example";
        TestData.consoleUser(admin, "a long password", "VENDOR", active.vendorId);
        var closed = ApiSession.newVendor("closed");
        TestData.execute("UPDATE vendors SET active = false WHERE id = ?", closed.vendorId);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long renewing = subscription(active.vendorId, "ACTIVE", today.minusMonths(1), today);
        long unbillable = subscription(closed.vendorId, "ACTIVE", today.minusMonths(1), today);
        long overdue = subscription(closed.vendorId, "PAST_DUE", today.minusMonths(2), today.minusDays(20));

        JsonObject run = runNow(ApiSession.newPlatform("subs"), "subscription-renewal");

        assertEquals("SUCCEEDED", run.getString("outcome"), run.toString());
        assertEquals("ACTIVE " + today + " " + today.plusMonths(1), state(renewing));
        assertEquals("PAST_DUE", state(unbillable).split(" ")[0], "an inactive vendor cannot be billed");
        assertEquals("LAPSED", state(overdue).split(" ")[0], "past the 14-day grace");
        String number = TestData.queryString("SELECT number FROM invoices WHERE subscription_id = ?", renewing);
        assertTrue(number.matches("ORION-" + today.getYear() + "-\\d{6}"), "the platform's own series: " + number);
        assertEquals("0", TestData.queryString("SELECT count(*) FROM invoice_counters WHERE series = ?", "vendor:" + active.vendorId),
                "the vendor's own invoice numbers (to its customers) are not used up");
        MimeMessage email = Poll.until(Duration.ofSeconds(30), () -> SMTP.getReceivedMessagesForDomain(admin), m -> m.length > 0)[0];
        assertTrue(email.getSubject().startsWith("Orion invoice " + number), email.getSubject());
        assertEquals("invoice-" + number + ".pdf", Mails.attachment(email).getFileName());

        JsonObject again = runNow(ApiSession.newPlatform("subs2"), "subscription-renewal");
        assertEquals("SUCCEEDED", again.getString("outcome"));
        assertEquals("1", TestData.queryString("SELECT count(*) FROM invoices WHERE subscription_id = ?", renewing), "a period is invoiced once");
    }

    private static long subscription(long vendorId, String status, LocalDate start, LocalDate end) {
        return Long.parseLong(TestData.queryString("INSERT INTO subscriptions (vendor_id, plan, billing_period, status, price_amount,"
                + " price_currency, current_period_start, current_period_end) VALUES (?, 'GROWTH', 'MONTHLY', ?, 49.00, 'EUR', ?, ?) RETURNING id",
                vendorId, status, start, end));
    }

    private static String state(long subscriptionId) {
        return TestData.queryString("SELECT status || ' ' || current_period_start || ' ' || current_period_end FROM subscriptions WHERE id = ?", subscriptionId);
    }

    private static JsonObject runNow(ApiSession platform, String name) {
        long id = Http.json(platform.get("/schedules")).getJsonArray("data").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("name").equals(name)).findFirst().orElseThrow().getJsonNumber("id").longValue();
        // the schedule's own timer may be running it this very moment (marketplace-order-import fires every 15 minutes):
        // a manual run is then refused 409 schedule-busy, as it should be; run it once that run has ended
        var started = Poll.until(Duration.ofSeconds(60), () -> platform.send("POST", "/schedules/" + id + "/run", null, null),
                response -> response.statusCode() != 409);
        assertEquals(202, started.statusCode(), started.body());
        long runId = Http.json(started).getJsonNumber("id").longValue();
        return Poll.until(Duration.ofSeconds(30), () -> Http.json(platform.get("/schedules/" + id + "/runs")).getJsonArray("data").stream()
                        .map(JsonValue::asJsonObject).filter(r -> r.getJsonNumber("id").longValue() == runId).findFirst().orElseThrow(),
                r -> !r.getString("outcome").equals("RUNNING"));
    }
}
