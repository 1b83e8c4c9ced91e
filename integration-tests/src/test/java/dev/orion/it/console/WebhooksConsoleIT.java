package dev.orion.it.console;

import static dev.orion.it.support.AdminPages.confirm;
import static dev.orion.it.support.AdminPages.rowButton;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Browser;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import dev.orion.it.support.WebhookReceiver;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The webhooks console pages in a real browser: a vendor user sees their own vendor's endpoints only (another
 * vendor's is absent, and refused when opened by id), staff see every vendor's with their delivery health, a
 * monitor sees them without actions; an endpoint created in the console shows its secret once, and redelivering
 * from the console sends the same event again (a new attempt) that the receiver gets, to the endpoint whose log is
 * shown and not to the vendor's other endpoints, with a message shown once. The test server retries
 * after 1, 2 and 3 seconds (integration-tests/pom.xml); receivers listen on 127.0.0.7 (WebhookReceiver).
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksConsoleIT extends OrionDeployment {

    private static final String PASSWORD = "webhooks console password";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TABLE = "webhooks-form:endpoints";

    private static ApiSession shop(String prefix) {
        var api = ApiSession.newVendor(prefix);
        TestData.product(api.vendorId, "MUG", "Mug", "4.50");
        return api;
    }

    private static String user(String role, Long vendorId) {
        String email = role.toLowerCase() + "@" + TestData.unique("hooks") + ".example";
        TestData.consoleUser(email, PASSWORD, role, vendorId);
        return email;
    }

    private static long endpoint(ApiSession api, String url) {
        var created = api.send("POST", "/webhook-endpoints", "application/json",
                "{\"url\":\"" + url + "\",\"event_types\":[\"order.created\"]}");
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created).getInt("id");
    }

    private static void placeOrder(ApiSession api) {
        var placed = api.send("POST", "/orders", "application/json", "{\"currency\":\"EUR\","
                + "\"customer\":{\"email\":\"ada@example.com\"},\"lines\":[{\"sku\":\"MUG\",\"quantity\":1}]}");
        assertEquals(201, placed.statusCode(), placed.body());
    }

    private static JsonObject deliveryOnceItIs(ApiSession api, long endpoint, String status) {
        return Poll.until(WAIT, () -> Http.json(api.get("/webhook-endpoints/" + endpoint + "/deliveries")).getJsonArray("data"),
                list -> !list.isEmpty() && list.getJsonObject(0).getString("status").equals(status)).getJsonObject(0);
    }

    /** The text of the cell {@code id} in the endpoints table's row of the endpoint with this URL. */
    private static String cell(Browser browser, String url, String id) {
        return browser.text(By.xpath("//tbody[@id='" + TABLE + "_data']/tr[.//a[normalize-space(text())='" + url + "']]"
                + "//span[substring(@id, string-length(@id) - string-length(':" + id + "') + 1) = ':" + id + "']"));
    }

    @Test
    void aVendorSeesOnlyItsOwnEndpointsAndStaffSeeEveryVendorsWithTheirHealth() {
        var shopA = shop("hooks-a");
        var shopB = shop("hooks-b");
        try (var receiverA = new WebhookReceiver(); var receiverB = new WebhookReceiver()) {
            receiverB.answer(503);
            long a = endpoint(shopA, receiverA.url());
            long b = endpoint(shopB, receiverB.url());
            placeOrder(shopA);
            placeOrder(shopB);
            deliveryOnceItIs(shopA, a, "DELIVERED");
            String eventB = deliveryOnceItIs(shopB, b, "DEAD").getString("event_id");

            try (var browser = Browser.open()) {
                browser.login(user("VENDOR", shopA.vendorId), PASSWORD).go("/webhooks/webhooks.xhtml");
                String listed = browser.text(By.id(TABLE));
                browser.screenshot("webhooks-vendor");
                assertTrue(listed.contains(receiverA.url()), listed);
                assertFalse(listed.contains(receiverB.url()), "another vendor's endpoint is not listed: " + listed);
                assertEquals("1", cell(browser, receiverA.url(), "delivered"));

                browser.go("/webhooks/endpoint.xhtml?id=" + b);
                assertEquals(1, browser.all(By.id("not-found")).size(), "another vendor's endpoint is refused by id");
                assertFalse(browser.driver().getPageSource().contains(receiverB.url()));
                assertFalse(browser.driver().getPageSource().contains(eventB));
            }

            try (var browser = Browser.open()) {
                browser.login(user("STAFF", null), PASSWORD).go("/webhooks/webhooks.xhtml");
                String listed = browser.text(By.id(TABLE));
                browser.screenshot("webhooks-staff");
                assertTrue(listed.contains(receiverA.url()) && listed.contains(receiverB.url()), listed);
                assertEquals("1", cell(browser, receiverA.url(), "delivered"));
                assertEquals("0", cell(browser, receiverA.url(), "failed"));
                assertFalse(cell(browser, receiverA.url(), "last-success").isBlank());
                assertEquals("1", cell(browser, receiverB.url(), "failed"));
                assertEquals("0", cell(browser, receiverB.url(), "delivered"));
                assertEquals("HTTP 503", cell(browser, receiverB.url(), "last-failure-status"));
                assertFalse(cell(browser, receiverB.url(), "failing-since").isBlank(), "failing since its first failure");
                assertEquals("Vendor " + TestData.queryString("SELECT code FROM vendors WHERE id = ?", shopB.vendorId),
                        cell(browser, receiverB.url(), "vendor"));

                // B's receiver is back: "redeliver all failed since" (a day ago by default) sends B's event again
                receiverB.answer(200);
                browser.go("/webhooks/endpoint.xhtml?id=" + b);
                assertTrue(browser.text(By.id("log-form:deliveries")).contains(eventB));
                browser.click(By.id("log-form:redeliver-failed"));
                confirm(browser, "log-form");
                var got = Poll.until(WAIT, receiverB::received, list -> list.size() >= 5);
                assertTrue(got.stream().allMatch(r -> r.eventId().equals(eventB)), got.toString());
                assertEquals("DELIVERED", deliveryOnceItIs(shopB, b, "DELIVERED").getString("status"));
            }

            try (var browser = Browser.open()) {
                browser.login(user("MONITOR", null), PASSWORD).go("/webhooks/webhooks.xhtml");
                assertTrue(browser.text(By.id(TABLE)).contains(receiverB.url()), "a monitor sees every vendor's");
                assertEquals(0, browser.all(By.id("webhooks-form:new-endpoint")).size(), "no button that changes anything");
                assertEquals(0, browser.all(By.xpath("//button[contains(@id, ':delete')]")).size());
                browser.go("/webhooks/endpoint.xhtml?id=" + b);
                assertEquals(0, browser.all(By.id("log-form:redeliver-failed")).size());
                assertEquals(0, browser.all(By.xpath("//button[contains(@id, ':redeliver')]")).size());
            }
        }
    }

    @Test
    void anEndpointCreatedInTheConsoleShowsItsSecretOnceAndRedeliveringSendsTheSameEventAgain() {
        var shop = shop("hooks-c");
        String vendorUser = user("VENDOR", shop.vendorId);
        try (var receiver = new WebhookReceiver(); var browser = Browser.open()) {
            browser.login(vendorUser, PASSWORD).go("/webhooks/webhooks.xhtml");
            browser.click(By.id("webhooks-form:new-endpoint"));
            browser.type(By.id("endpoint-form:url"), receiver.url());
            browser.click(By.id("endpoint-form:create"));
            if (browser.all(By.id("secret-form:secret")).isEmpty()) {
                browser.screenshot("webhooks-create-refused");
                throw new AssertionError("no secret shown; the page says: " + browser.pageText());
            }
            String secret = browser.text(By.id("secret-form:secret"));
            browser.screenshot("webhooks-secret");
            assertTrue(secret.startsWith("whsec_"), secret);
            browser.click(By.id("secret-form:secret-done"));
            browser.waiting().until(d -> !d.getPageSource().contains(secret));
            browser.go("/webhooks/webhooks.xhtml");
            assertTrue(browser.text(By.id(TABLE)).contains(receiver.url()));
            assertFalse(browser.driver().getPageSource().contains(secret), "the secret is never shown again");
            long id = Long.parseLong(TestData.queryString("SELECT id FROM webhook_endpoints WHERE vendor_id = ?", shop.vendorId));

            placeOrder(shop);
            var first = Poll.until(WAIT, () -> receiver.received().stream().filter(r -> "order.created".equals(r.eventType())).toList(),
                    list -> !list.isEmpty()).get(0);
            assertTrue(first.signedWith(secret), "signed with the secret the console showed");

            browser.go("/webhooks/endpoint.xhtml?id=" + id);
            browser.click(rowButton("log-form:deliveries", first.eventId(), "redeliver"));
            confirm(browser, "log-form");
            var again = Poll.until(WAIT, () -> receiver.received().stream().filter(r -> first.eventId().equals(r.eventId())).toList(),
                    list -> list.size() == 2).get(1);
            assertEquals("order.created", again.eventType(), "the same event again, with its id");
            assertTrue(again.signedWith(secret));
            String delivery = TestData.queryString("SELECT d.id FROM webhook_deliveries d WHERE d.endpoint_id = ? AND d.event_id = ?::uuid",
                    id, first.eventId());
            Poll.until(WAIT, () -> TestData.queryString("SELECT count(*) FROM webhook_attempts WHERE delivery_id = ?", Long.parseLong(delivery)),
                    "2"::equals);

            browser.click(By.id("log-form:refresh"));
            var outcomes = browser.all(By.xpath("//tbody[@id='log-form:deliveries_data']/tr[.//*[normalize-space(text())='"
                    + first.eventId() + "']]//span[contains(@id, ':outcome')]"));
            browser.screenshot("webhooks-log");
            assertEquals(List.of("DELIVERED", "DELIVERED"), outcomes.stream().map(e -> e.getText()).toList(),
                    "every attempt is kept, each with its outcome");
        }
        assertEquals("1", TestData.queryString("SELECT count(*) FROM audit_log WHERE actor = ? AND action = 'webhook-endpoint.create'", vendorUser));
        assertEquals("1", TestData.queryString("SELECT count(*) FROM audit_log WHERE actor = ? AND action = 'webhook-endpoint.redeliver'", vendorUser));
    }

    @Test
    void redeliveringOnAnEndpointsPageSendsToThatEndpointOnlyAndSaysSoOnce() {
        var shop = shop("hooks-d");
        String vendorUser = user("VENDOR", shop.vendorId);
        try (var receiver = new WebhookReceiver(); var browser = Browser.open()) {
            // two endpoints of one vendor that both want order.created: one event, one delivery each
            long a = endpoint(shop, receiver.url("a"));
            long b = endpoint(shop, receiver.url("b"));
            placeOrder(shop);
            String event = deliveryOnceItIs(shop, a, "DELIVERED").getString("event_id");
            assertEquals(event, deliveryOnceItIs(shop, b, "DELIVERED").getString("event_id"));
            assertEquals(1, receiver.received("a").size());
            assertEquals(1, receiver.received("b").size());

            browser.login(vendorUser, PASSWORD).go("/webhooks/endpoint.xhtml?id=" + a);
            browser.click(rowButton("log-form:deliveries", event, "redeliver"));
            confirm(browser, "log-form");
            String growl = browser.text(By.cssSelector(".ui-growl-message"));
            browser.screenshot("webhooks-redelivered");
            assertEquals(1, growl.split("queued again", -1).length - 1, "the message is shown once: " + growl);

            var again = Poll.until(WAIT, () -> receiver.received("a"), list -> list.size() == 2).get(1);
            assertEquals(event, again.eventId(), "the same event again, with its id");
            Poll.until(WAIT, () -> TestData.queryString("SELECT count(*) FROM webhook_attempts t JOIN webhook_deliveries d"
                    + " ON d.id = t.delivery_id WHERE d.endpoint_id = ?", a), "2"::equals);
            // had B been asked too, its attempt would have been queued in the same transaction as A's
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertEquals(1, receiver.received("b").size(), "the other endpoint gets nothing: " + receiver.received("b"));
            assertEquals("1", TestData.queryString("SELECT count(*) FROM webhook_attempts t JOIN webhook_deliveries d"
                    + " ON d.id = t.delivery_id WHERE d.endpoint_id = ?", b));
            assertEquals("1", TestData.queryString("SELECT count(*) FROM audit_log WHERE actor = ? AND action = 'webhook-endpoint.redeliver'"
                    + " AND entity_id = ?", vendorUser, String.valueOf(a)));
            assertEquals("0", TestData.queryString("SELECT count(*) FROM audit_log WHERE actor = ? AND action = 'event.redeliver'", vendorUser));
        }
    }
}
