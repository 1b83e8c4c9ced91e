package dev.orion.it.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.Metrics;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import dev.orion.it.support.WebhookReceiver;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks end to end: orders placed through the API reach a receiver of the test's own, signed; the test server
 * retries after 1, 2 and 3 seconds (ORION_WEBHOOKS_RETRY_DELAYS in integration-tests/pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksIT extends OrionDeployment {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ApiSession shop(String prefix) {
        var api = ApiSession.newVendor(prefix);
        TestData.product(api.vendorId, "MUG", "Mug", "4.50");
        return api;
    }

    /** @return the endpoint as created, with its secret */
    private static JsonObject endpoint(ApiSession api, String url, String... types) {
        var created = api.send("POST", "/webhook-endpoints", "application/json",
                "{\"url\":\"" + url + "\",\"event_types\":[\"" + String.join("\",\"", types) + "\"]}");
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created);
    }

    private static long placeOrder(ApiSession api) {
        var placed = api.send("POST", "/orders", "application/json", "{\"currency\":\"EUR\","
                + "\"customer\":{\"email\":\"ada@example.com\"},\"lines\":[{\"sku\":\"MUG\",\"quantity\":1}]}");
        assertEquals(201, placed.statusCode(), placed.body());
        return Http.json(placed).getInt("id");
    }

    /** The endpoint's newest delivery, once its status is {@code status}. */
    private static JsonObject deliveryOnceItIs(ApiSession api, JsonObject endpoint, String status) {
        return Poll.until(WAIT, () -> Http.json(api.get("/webhook-endpoints/" + endpoint.getInt("id") + "/deliveries"))
                        .getJsonArray("data"),
                list -> !list.isEmpty() && list.getJsonObject(0).getString("status").equals(status)).getJsonObject(0);
    }

    @Test
    void anOrderPlacedThroughTheApiIsDeliveredOnceSigned() {
        var api = shop("hooks");
        try (var receiver = new WebhookReceiver()) {
            var endpoint = endpoint(api, receiver.url(), "order.created");
            assertTrue(endpoint.getString("secret").startsWith("whsec_"));
            assertFalse(Http.json(api.get("/webhook-endpoints/" + endpoint.getInt("id"))).containsKey("secret"));

            long order = placeOrder(api);

            var delivery = deliveryOnceItIs(api, endpoint, "DELIVERED");
            assertEquals(1, delivery.getInt("attempts"));
            assertEquals(200, delivery.getJsonArray("attempt_log").getJsonObject(0).getInt("status_code"));
            List<WebhookReceiver.Received> got = receiver.received();
            assertEquals(1, got.size(), got.toString());
            var request = got.get(0);
            assertTrue(request.signedWith(endpoint.getString("secret")), request.signature());
            assertFalse(request.signedWith("whsec_someone_else"));
            assertEquals("order.created", request.eventType());
            JsonObject body = Http.json(request.body());
            assertEquals(request.eventId(), body.getString("id"));
            assertEquals(order, body.getJsonObject("data").getJsonObject("order").getInt("id"));

            JsonObject event = Http.json(api.get("/events/" + request.eventId()));
            assertEquals("order.created", event.getString("type"));
            assertEquals(api.vendorId, event.getJsonNumber("vendor_id").longValue());
            var listed = Http.json(api.get("/events?type=order.created")).getJsonArray("data");
            assertEquals(List.of(request.eventId()), listed.stream().map(e -> e.asJsonObject().getString("id")).toList());
        }
    }

    @Test
    void secretsAreStoredEncryptedAndAnEndpointWithAPlaintextSecretFromBeforeStillSigns() {
        var api = shop("hooks-at-rest");
        try (var receiver = new WebhookReceiver()) {
            var endpoint = endpoint(api, receiver.url(), "order.created");
            String secret = endpoint.getString("secret");
            int id = endpoint.getInt("id");
            String stored = TestData.queryString("SELECT secret FROM webhook_endpoints WHERE id = ?", (long) id);
            assertFalse(stored.contains(secret.substring("whsec_".length())), "the secret column holds the secret: " + stored);
            assertTrue(stored.startsWith("enc:v1:"), stored);

            var rotated = api.send("POST", "/webhook-endpoints/" + id + "/secret-rotations", "application/json", "{\"overlap\":\"PT1H\"}");
            assertEquals(200, rotated.statusCode(), rotated.body());
            String newSecret = Http.json(rotated).getString("secret");
            String previous = TestData.queryString("SELECT previous_secret FROM webhook_endpoints WHERE id = ?", (long) id);
            assertFalse(previous.contains(secret.substring("whsec_".length())), previous);
            assertFalse(TestData.queryString("SELECT secret FROM webhook_endpoints WHERE id = ?", (long) id)
                    .contains(newSecret.substring("whsec_".length())));

            placeOrder(api);
            deliveryOnceItIs(api, endpoint, "DELIVERED");
            var signed = receiver.received().get(0);
            assertTrue(signed.signedWith(newSecret), signed.signature());
            assertTrue(signed.signedWith(secret), "the previous secret signs during the overlap: " + signed.signature());

            // a row as Orion wrote it before secrets were encrypted: the plain secret, no previous one
            String legacy = "whsec_written_before_the_upgrade";
            TestData.execute("UPDATE webhook_endpoints SET secret = ?, previous_secret = NULL, previous_secret_until = NULL"
                    + " WHERE id = ?", legacy, (long) id);
            placeOrder(api);
            Poll.until(WAIT, receiver::received, got -> got.size() >= 2);
            var old = receiver.received().get(1);
            assertTrue(old.signedWith(legacy), old.signature());
        }
    }

    @Test
    void a503IsRetriedWithGrowingDelaysThenRedeliveredWithTheSameEventId() {
        var api = shop("hooks-retry");
        Metrics before = Metrics.scrape();
        try (var receiver = new WebhookReceiver()) {
            receiver.answer(503);
            var endpoint = endpoint(api, receiver.url(), "order.created");

            placeOrder(api);

            var dead = deliveryOnceItIs(api, endpoint, "DEAD");
            var log = dead.getJsonArray("attempt_log");
            assertEquals(List.of("RETRY", "RETRY", "RETRY", "DEAD"), log.stream().map(a -> a.asJsonObject().getString("outcome")).toList());
            assertEquals(List.of(1000L, 2000L, 3000L), log.stream().limit(3)
                    .map(a -> a.asJsonObject().getJsonNumber("retry_in_ms").longValue()).toList());
            assertEquals(503, log.getJsonObject(3).getInt("status_code"));
            assertEquals("answered 503", log.getJsonObject(3).getString("response_excerpt"));
            String eventId = dead.getString("event_id");
            assertEquals(List.of(eventId), Http.json(api.get("/events?delivery_success=false")).getJsonArray("data")
                    .stream().map(e -> e.asJsonObject().getString("id")).toList());

            receiver.answer(200);
            var redelivered = api.send("POST", "/events/" + eventId + "/redeliver", null, null);
            assertEquals(202, redelivered.statusCode(), redelivered.body());

            var delivered = deliveryOnceItIs(api, endpoint, "DELIVERED");
            assertEquals(5, delivered.getInt("attempts"));
            var got = receiver.received();
            assertEquals(5, got.size());
            assertTrue(got.stream().allMatch(r -> r.eventId().equals(eventId)), got.toString());
            assertTrue(got.get(4).signedWith(endpoint.getString("secret")));
            assertEquals(0, Http.json(api.get("/events?delivery_success=false")).getJsonArray("data").size());
        }
        // the meters saw every attempt by its outcome (other tests' deliveries may add to them meanwhile)
        Metrics after = Metrics.scrape();
        for (var outcome : java.util.Map.of("retry", 3, "dead", 1, "delivered", 1).entrySet()) {
            assertTrue(after.sum("orion_webhooks_deliveries_total", "outcome", outcome.getKey())
                    >= before.sum("orion_webhooks_deliveries_total", "outcome", outcome.getKey()) + outcome.getValue(),
                    after.lines("orion_webhooks_deliveries_total"));
        }
        assertTrue(after.sum("orion_webhooks_attempt_duration_seconds_count")
                >= before.sum("orion_webhooks_attempt_duration_seconds_count") + 5, after.lines("orion_webhooks_attempt"));
        // the backlog gauges are read from the database: a number, never NaN, once the first read is done
        for (String gauge : List.of("orion_webhooks_deliveries_pending", "orion_webhooks_pending_overdue_seconds",
                "orion_webhooks_endpoints_failing")) {
            assertFalse(after.matching(gauge).isEmpty(), gauge);
            assertTrue(after.sum(gauge) >= 0, after.lines(gauge));
        }
    }

    @Test
    void a400IsNotRetriedAndFailedDeliveriesCanBeSentAgain() {
        var api = shop("hooks-400");
        try (var receiver = new WebhookReceiver()) {
            receiver.answer(400);
            var endpoint = endpoint(api, receiver.url(), "order.created", "order.status_changed");

            long order = placeOrder(api);
            var failed = deliveryOnceItIs(api, endpoint, "FAILED");
            assertEquals(1, failed.getInt("attempts"));
            assertNull(failed.getJsonArray("attempt_log").getJsonObject(0).get("retry_in_ms"));

            // a later event is delivered after the refused one: the endpoint was not disabled by a 400
            receiver.answer(200);
            api.send("POST", "/orders/" + order + "/transitions", "application/json", "{\"to\":\"CONFIRMED\"}");
            var next = deliveryOnceItIs(api, endpoint, "DELIVERED");
            assertEquals("order.status_changed", next.getString("event_type"));
            assertEquals(2, receiver.received().size());

            // staff fix the receiver and send again what failed: the refused order.created arrives, same event id
            var again = api.send("POST", "/webhook-endpoints/" + endpoint.getInt("id")
                    + "/redeliveries?failed_since=2000-01-01T00:00:00Z", null, null);
            assertEquals(202, again.statusCode(), again.body());
            assertEquals(1, Http.json(again).getInt("redelivered"));
            var got = Poll.until(WAIT, receiver::received, list -> list.size() == 3);
            assertEquals(got.get(0).eventId(), got.get(2).eventId());
        }
    }

    @Test
    void a410DisablesTheEndpointAndTellsTheVendorsUsers() {
        var api = shop("hooks-410");
        String admin = TestData.unique("hooks-admin") + "@example.com";
        TestData.consoleUser(admin, "a long password", "VENDOR", api.vendorId);
        try (var receiver = new WebhookReceiver()) {
            receiver.answer(410);
            var endpoint = endpoint(api, receiver.url(), "order.created");

            placeOrder(api);

            deliveryOnceItIs(api, endpoint, "FAILED");
            var disabled = Http.json(api.get("/webhook-endpoints/" + endpoint.getInt("id")));
            assertFalse(disabled.getBoolean("enabled"));
            assertEquals("it answered 410 Gone", disabled.getString("disabled_reason"));
            assertEquals("1", TestData.queryString("SELECT count(*) FROM email_outbox WHERE template = 'webhook-endpoint-disabled'"
                    + " AND recipient = ?", admin));
            placeOrder(api);
            // a disabled endpoint is owed nothing: the second order made no delivery for it
            assertEquals(1, Http.json(api.get("/webhook-endpoints/" + endpoint.getInt("id") + "/deliveries")).getJsonArray("data").size());
            assertEquals(1, receiver.received().size());
        }
    }

    @Test
    void aVendorsEndpointNeverGetsAnotherVendorsEvents() {
        var a = shop("hooks-a");
        var b = shop("hooks-b");
        try (var receiverA = new WebhookReceiver(); var receiverB = new WebhookReceiver()) {
            var endpointA = endpoint(a, receiverA.url(), "order.created");
            var endpointB = endpoint(b, receiverB.url(), "order.created");

            placeOrder(b);

            deliveryOnceItIs(b, endpointB, "DELIVERED");
            String eventOfB = receiverB.received().get(0).eventId();
            placeOrder(a);
            deliveryOnceItIs(a, endpointA, "DELIVERED");
            assertEquals(1, receiverA.received().size());
            assertFalse(receiverA.received().get(0).eventId().equals(eventOfB));
            assertEquals(404, a.get("/events/" + eventOfB).statusCode());
            assertEquals(404, a.send("POST", "/events/" + eventOfB + "/redeliver", null, null).statusCode());
            assertEquals(404, a.get("/webhook-endpoints/" + endpointB.getInt("id") + "/deliveries").statusCode());
            assertEquals(1, Http.json(a.get("/webhook-endpoints")).getJsonArray("data").size());
        }
    }

    @Test
    void aRotationKeepsBothSecretsValidDuringTheOverlapOnly() {
        var api = shop("hooks-rotate");
        try (var receiver = new WebhookReceiver()) {
            var endpoint = endpoint(api, receiver.url(), "order.created");
            String first = endpoint.getString("secret");
            var rotated = api.send("POST", "/webhook-endpoints/" + endpoint.getInt("id") + "/secret-rotations",
                    "application/json", "{\"overlap\":\"PT1H\"}");
            assertEquals(200, rotated.statusCode(), rotated.body());
            String second = Http.json(rotated).getString("secret");

            placeOrder(api);
            deliveryOnceItIs(api, endpoint, "DELIVERED");
            var during = receiver.received().get(0);
            assertTrue(during.signedWith(first) && during.signedWith(second), during.signature());

            String third = Http.json(api.send("POST", "/webhook-endpoints/" + endpoint.getInt("id") + "/secret-rotations",
                    "application/json", "{\"overlap\":\"PT0S\"}")).getString("secret");
            placeOrder(api);
            Poll.until(WAIT, receiver::received, got -> got.size() == 2);
            var after = receiver.received().get(1);
            assertTrue(after.signedWith(third), after.signature());
            assertFalse(after.signedWith(second) || after.signedWith(first), after.signature());
        }
    }

    @Test
    void aPendingDeliveryWhoseMessageWasLostIsSweptAndSent() {
        var api = shop("hooks-sweep");
        try (var receiver = new WebhookReceiver()) {
            var endpoint = endpoint(api, receiver.url(), "order.created");
            // an event and its delivery as a dead-lettered message leaves them: rows PENDING and overdue, no message
            String eventId = java.util.UUID.randomUUID().toString();
            TestData.execute("INSERT INTO events (id, vendor_id, type, api_version, data)"
                    + " VALUES (CAST(? AS uuid), ?, 'order.created', 'v1', CAST('{}' AS jsonb))", eventId, api.vendorId);
            TestData.execute("INSERT INTO webhook_deliveries (event_id, endpoint_id, status, retries_left, next_attempt_at)"
                    + " VALUES (CAST(? AS uuid), ?, 'PENDING', 3, now() - interval '1 hour')", eventId, endpoint.getInt("id"));

            var delivery = deliveryOnceItIs(api, endpoint, "DELIVERED");
            assertEquals(1, delivery.getInt("attempts"));
            assertEquals(eventId, delivery.getString("event_id"));
            var got = receiver.received();
            assertEquals(1, got.size(), got.toString());
            assertTrue(got.get(0).signedWith(endpoint.getString("secret")));
        }
    }

    @Test
    void aCompletedImportIsAnnounced() {
        var api = ApiSession.newVendor("hooks-import");
        try (var receiver = new WebhookReceiver()) {
            var endpoint = endpoint(api, receiver.url(), "import.completed", "import.failed");
            String feed = "id\ttitle\tprice\tavailability\nI-1\tOne\t1.00 EUR\tin_stock\n";

            var accepted = api.post("/imports", "text/tab-separated-values", feed.getBytes(StandardCharsets.UTF_8));
            assertEquals(202, accepted.statusCode(), accepted.body());
            String location = accepted.headers().firstValue("Location").orElseThrow();
            long importId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

            var delivery = deliveryOnceItIs(api, endpoint, "DELIVERED");
            assertEquals("import.completed", delivery.getString("event_type"));
            JsonObject data = Http.json(receiver.received().get(0).body()).getJsonObject("data").getJsonObject("import");
            assertEquals(importId, data.getJsonNumber("id").longValue());
            assertEquals("products", data.getString("kind"));
        }
    }

    @Test
    void endpointsMustBeHttpsUnlessTheOperatorOpenedTheHost() {
        var api = shop("hooks-url");
        var refused = api.send("POST", "/webhook-endpoints", "application/json",
                "{\"url\":\"http://example.com/hook\",\"event_types\":[\"order.created\"]}");
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals(422, api.send("POST", "/webhook-endpoints", "application/json",
                "{\"url\":\"https://example.com/hook\",\"event_types\":[\"order.lost\"]}").statusCode());
        var created = endpoint(api, "https://example.com/hook", "order.created");
        var patched = api.send("PATCH", "/webhook-endpoints/" + created.getInt("id"), "application/json", "{\"enabled\":false}");
        assertEquals(200, patched.statusCode(), patched.body());
        assertFalse(Http.json(patched).getBoolean("enabled"));
        assertEquals(204, api.send("DELETE", "/webhook-endpoints/" + created.getInt("id"), null, null).statusCode());
        assertEquals(404, api.get("/webhook-endpoints/" + created.getInt("id")).statusCode());
    }
}
