package dev.orion.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.ServedFile;
import dev.orion.it.support.TestData;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A vendor's scheduled feed sync against a real feed server of the test's own (on 127.0.0.7, which the tests'
 * ORION_FEED_FETCH_ALLOW opens): the server answers 200, then 304 to the conditional request, then 200 with the
 * same bytes (skipped by their hash), then a changed feed. Exactly two imports start and the catalogue ends as
 * the changed feed says; basic credentials reach the server and never come back out of the API.
 */
@ExtendWith(ArquillianExtension.class)
class FeedSyncIT extends OrionDeployment {

    private static final String JSON = "application/json";
    /** A URL the tests' allow-list opens (nothing listens there: only the other settings are at fault). */
    private static final String ALLOWED = "http://" + ServedFile.HOST + ":9/f.tsv";
    private static final String PASSWORD = "s3cret-feed-pass";
    private static final String FIRST = "id\ttitle\tprice\tavailability\nSYNC-1\tKettle\t30.00 EUR\tin_stock\nSYNC-2\tToaster\t25.00 EUR\tin_stock\n";
    private static final String CHANGED = "id\ttitle\tprice\tavailability\nSYNC-1\tKettle\t27.50 EUR\tin_stock\nSYNC-3\tBlender\t45.00 EUR\tpreorder\n";

    /** What the feed server was sent: Authorization and If-None-Match of each request, in order. */
    private final List<String[]> requests = new CopyOnWriteArrayList<>();

    @Test
    void syncsAChangedFeedOnlyAndSkipsAnUnchangedOne() throws IOException, SQLException {
        HttpServer feeds = HttpServer.create(new InetSocketAddress(ServedFile.HOST, 0), 0);
        feeds.createContext("/catalogue.tsv", this::answer);
        feeds.start();
        try {
            var vendor = ApiSession.newVendor("feedsync");
            String url = "http://" + ServedFile.HOST + ":" + feeds.getAddress().getPort() + "/catalogue.tsv";

            var saved = vendor.send("PUT", "/feed-sync", JSON, "{\"url\": \"" + url + "\", \"format\": \"auto\", \"mode\": \"full\","
                    + " \"schedule\": {\"minute\": \"0\", \"hour\": \"0\", \"day_of_month\": \"1\", \"month\": \"1\"},"
                    + " \"credentials\": {\"type\": \"basic\", \"username\": \"shop\", \"password\": \"" + PASSWORD + "\"}}");
            assertEquals(200, saved.statusCode(), saved.body());
            JsonObject settings = Http.json(saved);
            assertEquals("basic", settings.getJsonObject("credentials").getString("type"));
            assertTrue(settings.getJsonObject("credentials").getBoolean("set"));
            assertFalse(settings.getBoolean("paused"));
            assertNotNull(settings.getString("next_run_at"), "an ordinary schedule with a timer: " + settings);
            assertEquals("full", settings.getString("mode"));

            JsonObject fetched = syncNow(vendor, 1);
            assertEquals("FETCHED", fetched.getString("outcome"), fetched.toString());
            assertEquals(200, fetched.getInt("http_status"));
            assertEquals(FIRST.getBytes(StandardCharsets.UTF_8).length, fetched.getJsonNumber("bytes").longValue());
            assertImported(vendor, fetched);

            JsonObject notModified = syncNow(vendor, 2);
            assertEquals("SKIPPED", notModified.getString("outcome"), notModified.toString());
            assertEquals(304, notModified.getInt("http_status"));
            assertFalse(notModified.containsKey("job_id") && !notModified.isNull("job_id"), notModified.toString());

            JsonObject sameBytes = syncNow(vendor, 3);
            assertEquals("SKIPPED", sameBytes.getString("outcome"), "the same bytes under a new ETag: " + sameBytes);
            assertEquals(200, sameBytes.getInt("http_status"));
            assertFalse(sameBytes.containsKey("job_id") && !sameBytes.isNull("job_id"), sameBytes.toString());

            JsonObject changed = syncNow(vendor, 4);
            assertEquals("FETCHED", changed.getString("outcome"), changed.toString());
            assertImported(vendor, changed);

            JsonArray history = Http.json(vendor.get("/feed-sync/history")).getJsonArray("data");
            assertEquals(2, history.stream().map(JsonObject.class::cast).filter(a -> a.containsKey("job_id") && !a.isNull("job_id")).count(),
                    "exactly two imports started: " + history);
            assertEquals(4, requests.size());
            String basic = "Basic " + Base64.getEncoder().encodeToString(("shop:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            requests.forEach(r -> assertEquals(basic, r[0], "every fetch sends the credentials"));
            assertEquals("\"v1\"", requests.get(1)[1], "the second fetch is conditional on the first answer's ETag");

            assertEquals("27.50", product(vendor, "SYNC-1").getString("price"));
            assertEquals("preorder", product(vendor, "SYNC-3").getString("availability"));
            assertEquals("out_of_stock", product(vendor, "SYNC-2").getString("availability"), "a full sync: what the feed left out");

            for (var answer : List.of(vendor.get("/feed-sync"), vendor.get("/feed-sync/history"))) {
                assertFalse(answer.body().contains(PASSWORD), answer.body());
            }
            try (var db = TestData.connect(); var query = db.prepareStatement("SELECT credentials FROM feed_subscriptions WHERE vendor_id = ?")) {
                query.setLong(1, vendor.vendorId);
                try (var rows = query.executeQuery()) {
                    assertTrue(rows.next());
                    String stored = rows.getString(1);
                    assertFalse(stored.contains(PASSWORD) || new String(Base64.getDecoder().decode(stored), StandardCharsets.ISO_8859_1).contains(PASSWORD),
                            "stored encrypted");
                }
            }
        } finally {
            feeds.stop(0);
        }
    }

    @Test
    void refusesAnInternalUrlAndBadSettingsWithProblems() {
        var vendor = ApiSession.newVendor("feedsyncbad");

        var internal = vendor.send("PUT", "/feed-sync", JSON, "{\"url\": \"http://127.0.0.1:9990/metrics\"}");
        assertEquals(422, internal.statusCode(), internal.body());
        assertEquals("application/problem+json", ApiSession.contentType(internal));
        assertTrue(Http.json(internal).getString("detail").contains("public addresses"), internal.body());

        var format = vendor.send("PUT", "/feed-sync", JSON, "{\"url\": \"" + ALLOWED + "\", \"format\": \"excel\"}");
        assertEquals(400, format.statusCode(), format.body());
        assertEquals("application/problem+json", ApiSession.contentType(format));

        var schedule = vendor.send("PUT", "/feed-sync", JSON, "{\"url\": \"" + ALLOWED + "\", \"schedule\": {\"hour\": \"25\"}}");
        assertEquals(400, schedule.statusCode(), schedule.body());

        var header = vendor.send("PUT", "/feed-sync", JSON, "{\"url\": \"" + ALLOWED + "\", \"credentials\": {\"type\": \"header\", \"name\": \"Host\", \"value\": \"x\"}}");
        assertEquals(400, header.statusCode(), header.body());

        assertEquals(404, vendor.get("/feed-sync").statusCode(), "nothing was saved");
        var run = vendor.send("POST", "/feed-sync/run", null, null);
        assertEquals(400, run.statusCode(), run.body());
    }

    /** Syncs now (again once the previous run has let go: 409 until then) and returns the attempt numbered {@code n}. */
    private static JsonObject syncNow(ApiSession vendor, int n) {
        var started = Poll.until(Duration.ofSeconds(20), () -> vendor.send("POST", "/feed-sync/run", null, null), r -> r.statusCode() != 409);
        assertEquals(202, started.statusCode(), started.body());
        JsonArray history = Poll.until(Duration.ofSeconds(30), () -> Http.json(vendor.get("/feed-sync/history")).getJsonArray("data"),
                attempts -> attempts.size() == n);
        return history.getJsonObject(0);
    }

    private static void assertImported(ApiSession vendor, JsonObject attempt) {
        long job = attempt.getJsonNumber("job_id").longValue();
        JsonObject done = Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get("/imports/" + job)), JobStatus::ended);
        assertEquals("COMPLETED", done.getString("status"), done.toString());
    }

    private static JsonObject product(ApiSession vendor, String sku) {
        HttpResponse<String> response = vendor.get("/products/" + sku);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    /** 200 (ETag v1), then 304 to If-None-Match v1, then the same bytes under ETag v2, then a changed feed. */
    private void answer(HttpExchange exchange) throws IOException {
        requests.add(new String[] {exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("If-None-Match")});
        int n = requests.size();
        if (n == 2 && "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        byte[] body = (n >= 4 ? CHANGED : FIRST).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("ETag", n == 1 ? "\"v1\"" : n == 3 ? "\"v2\"" : "\"v3\"");
        exchange.getResponseHeaders().add("Content-Type", "text/tab-separated-values");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
