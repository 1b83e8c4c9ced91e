package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.ConsoleSessions;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request log per API client (issue 19, item 5): a refused keyed POST and its replay show up in the calling
 * client's {@code GET /api/v1/request-logs} with route template, status, key, replay flag and correlation id, never
 * in another client's, and in the staff console's view of every client.
 */
@ExtendWith(ArquillianExtension.class)
class RequestLogIT extends OrionDeployment {

    private static final String UNKNOWN_SKU_ORDER = "{\"currency\":\"EUR\",\"customer\":{\"email\":\"ada@example.com\"},"
            + "\"lines\":[{\"sku\":\"NO-SUCH-SKU\",\"quantity\":1}]}";

    @Test
    void theLogListsA422WithItsIdempotencyKeyForItsClientAndNotForAnother() {
        var client = ApiSession.newVendor("rlog");
        var other = ApiSession.newVendor("rlog-other");
        String key = "rlog-" + UUID.randomUUID();

        var refused = client.send("POST", "/orders", "application/json", UNKNOWN_SKU_ORDER, "Idempotency-Key", key);
        assertEquals(422, refused.statusCode(), refused.body());
        var replayed = client.send("POST", "/orders", "application/json", UNKNOWN_SKU_ORDER, "Idempotency-Key", key);
        assertEquals("true", replayed.headers().firstValue("Idempotent-Replayed").orElse(""), replayed.body());

        // written off the request thread: the entries appear within the flush interval
        List<JsonObject> entries = Poll.until(Duration.ofSeconds(20), () -> withKey(client, key), found -> found.size() == 2);
        JsonObject replay = entries.get(0);
        JsonObject first = entries.get(1);
        assertEquals("POST", first.getString("method"));
        assertEquals("/api/v1/orders", first.getString("route"));
        assertEquals(422, first.getInt("status"));
        assertEquals(key, first.getString("idempotency_key"));
        assertFalse(first.getBoolean("replayed"));
        assertEquals(refused.headers().firstValue("X-Request-Id").orElseThrow(), first.getString("correlation_id"));
        assertTrue(first.getJsonNumber("duration_ms").doubleValue() > 0, first.toString());
        assertTrue(replay.getBoolean("replayed"), replay.toString());
        assertEquals("POST", replay.getString("method"));
        assertEquals(422, replay.getInt("status"));

        var theirs = other.get("/request-logs?limit=200");
        assertEquals(200, theirs.statusCode(), theirs.body());
        assertFalse(theirs.body().contains(key), "another client's log shows this client's request: " + theirs.body());
        assertTrue(other.get("/request-logs?route=/api/v1/orders").body().contains("\"data\":[]"));

        String staff = "staff@" + TestData.unique("rlog") + ".example";
        TestData.consoleUser(staff, "Staff-Passw0rd!", "STAFF", null);
        var page = ConsoleSessions.signIn(staff, "Staff-Passw0rd!").get(ConsoleSessions.CONSOLE + "platform/requests.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(key) && page.body().contains(client.clientId), "the staff view lists the request");
    }

    @Test
    void filtersByStatusClassAndRefusesAnUnknownOne() {
        var client = ApiSession.newVendor("rlog-filter");
        assertEquals(200, client.get("/products").statusCode());
        assertEquals(404, client.get("/orders/999999999").statusCode());
        Poll.until(Duration.ofSeconds(20), () -> Http.json(client.get("/request-logs?status_class=4xx")).getJsonArray("data"),
                data -> data.size() == 1);
        var only4xx = Http.json(client.get("/request-logs?status_class=4xx")).getJsonArray("data");
        assertEquals("/api/v1/orders/{id}", only4xx.getJsonObject(0).getString("route"), "the template, not the raw path");
        assertEquals(400, client.get("/request-logs?status_class=7xx").statusCode());
    }

    private static List<JsonObject> withKey(ApiSession client, String key) {
        return Http.json(client.get("/request-logs?status_class=4xx")).getJsonArray("data").stream()
                .map(v -> (JsonObject) v).filter(e -> key.equals(e.getString("idempotency_key", null))).toList();
    }
}
