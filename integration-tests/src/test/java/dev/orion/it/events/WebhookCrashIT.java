package dev.orion.it.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orion.it.support.FreshTestDatabase;
import dev.orion.it.support.Http;
import dev.orion.it.support.Poll;
import dev.orion.it.support.StandaloneOrion;
import dev.orion.it.support.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook crash drill: 500 events recorded through the API (one {@code product.created} each) for an endpoint
 * whose receiver answers slowly; then it answers 503 for a moment (those deliveries wait for their retry, a message
 * the broker holds for 20 s), then holds every request unanswered, and the server is killed with SIGKILL: some
 * deliveries are done, some wait for a retry, some are in flight (their request made, its attempt not recorded) and
 * the rest queued. Started again, every event must reach the receiver signed and be acknowledged exactly once; a
 * request made again is allowed only for an attempt in flight at the kill (at least once,
 * docs/webhooks.md#delivery-guarantees), and is counted and printed with the drill's other figures.
 * <p>
 * It runs its own server (port offset 1500, database {@code orion_hookcrash}, Redis database 12) with production's
 * sweep (a lost message waits 10 minutes): what is delivered after the restart comes from the broker's journal.
 */
class WebhookCrashIT {

    private static final int EVENTS = 500;
    private static final int OFFSET = 1500;
    private static final String DB = "orion_hookcrash";
    private static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/" + DB;
    private static final String REDIS = "redis://127.0.0.1:6379/12";
    private static final String API = "http://127.0.0.1:" + (8080 + OFFSET) + "/api/v1";
    /** Requests made per event: what the receiver saw. Attempts: what the server recorded. */
    private static final String ATTEMPTS = "SELECT d.event_id, count(a.id) FROM webhook_deliveries d"
            + " LEFT JOIN webhook_attempts a ON a.delivery_id = d.id GROUP BY d.event_id";

    private GreenMail smtp;
    private WebhookReceiver receiver;
    private StandaloneOrion orion;

    @AfterEach
    void tearDown() throws Exception {
        if (orion != null) {
            orion.stop();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void everyPendingEventIsDeliveredAfterAKillNineRepeatingOnlyTheAttemptsInFlight() throws Exception {
        FreshTestDatabase.main(new String[] {DB, REDIS});
        smtp = new GreenMail(new ServerSetup(3025 + OFFSET, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String base = System.getProperty("orion.server.base");
        orion = new StandaloneOrion(Path.of(base + "-hookcrash"), Map.of(
                "ORION_DB_URL", DB_URL,
                "ORION_REDIS_URL", REDIS,
                "ORION_SMTP_PORT", Integer.toString(3025 + OFFSET),
                "ORION_STORAGE_DIR", base + "-hookcrash-storage",
                "ORION_RATE_PLAN_STANDARD", "2000/4000",
                "ORION_WEBHOOKS_RETRY_DELAYS", "PT20S,PT20S",
                // production's sweep: a delivery whose queue message the crash lost would wait 10 minutes, past this test
                "ORION_WEBHOOKS_SWEEP_SECONDS", "60",
                "ORION_WEBHOOKS_SWEEP_AFTER", "PT10M"), OFFSET);
        orion.start();
        receiver = new WebhookReceiver();
        receiver.answerAfter(Duration.ofMillis(250)); // a slow receiver: deliveries fall behind the events
        String token = vendorToken();
        String secret = endpoint(token, receiver.url());

        recordEvents(token);
        Poll.until(Duration.ofSeconds(60), () -> receiver.acknowledged().size(), n -> n >= 100);
        int before503 = receiver.received().size();
        receiver.answer(503);
        Poll.until(Duration.ofSeconds(10), () -> receiver.received().size(), n -> n >= before503 + 5);
        receiver.hold();
        // every sender is now stuck in a request; the attempts answered before are committed by the kill
        Poll.until(Duration.ofSeconds(3), receiver::held, n -> n >= 1);
        Thread.sleep(1500); // less than the 5 s read timeout: no held attempt has failed
        orion.kill();
        long killedAt = System.nanoTime();
        receiver.release();
        receiver.answer(200);
        receiver.answerAfter(Duration.ZERO);

        Map<String, Long> requestsAtKill = requestsPerEvent();
        Map<String, Long> attemptsAtKill = counts(ATTEMPTS);
        assertEquals(EVENTS, attemptsAtKill.size(), "one delivery per event");
        Set<String> delivered = ids("SELECT event_id FROM webhook_deliveries WHERE status = 'DELIVERED'");
        Set<String> retrying = ids("SELECT event_id FROM webhook_deliveries WHERE status = 'PENDING' AND attempts > 0");
        Map<String, Long> inFlight = unrecorded(requestsAtKill, attemptsAtKill);
        int queued = EVENTS - delivered.size() - retrying.size() - (int) inFlight.keySet().stream()
                .filter(id -> !retrying.contains(id)).count();
        assertTrue(queued > 0 && !retrying.isEmpty() && !inFlight.isEmpty(), "the kill came with deliveries queued ("
                + queued + "), waiting for a retry (" + retrying.size() + ") and in flight (" + inFlight.size() + ")");

        long restarting = System.nanoTime();
        orion.start();
        long started = System.nanoTime();
        Poll.until(Duration.ofSeconds(90), () -> Integer.parseInt(one(
                "SELECT count(*) FROM webhook_deliveries WHERE status = 'DELIVERED'")), n -> n == EVENTS);
        long drained = System.nanoTime();
        Thread.sleep(3000); // a request made twice would come after the last first one

        List<WebhookReceiver.Received> received = receiver.received();
        Map<String, Long> requests = requestsPerEvent();
        Map<String, Long> attempts = counts(ATTEMPTS);
        Map<String, Long> repeated = unrecorded(requests, attempts);
        Map<String, Long> acks = receiver.acknowledged().stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        long repeats = repeated.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("Webhook crash drill: %d events; at the kill %d delivered, %d waiting for a retry, %d in flight,"
                        + " %d queued; restart took %d ms, then all delivered in %d ms (%d ms after the kill);"
                        + " %d requests in all, %d of them repeating an attempt in flight at the kill; %d events acknowledged"
                        + " more than once%n",
                EVENTS, delivered.size(), retrying.size(), inFlight.size(), queued, millis(restarting, started),
                millis(started, drained), millis(killedAt, drained), received.size(), repeats,
                acks.values().stream().filter(n -> n > 1).count());

        assertEquals(EVENTS, requests.size(), "every event reached the receiver");
        assertEquals(List.of(), received.stream().filter(r -> !r.signedWith(secret)).map(WebhookReceiver.Received::eventId).toList(),
                "every request is signed with the endpoint's secret");
        assertEquals(EVENTS, acks.size(), "every event was acknowledged");
        assertEquals(Map.of(), acks.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "none acknowledged twice");
        assertEquals("0", one("SELECT count(*) FROM webhook_deliveries WHERE status <> 'DELIVERED'"));
        // at least once: every request is a recorded attempt, except the one each attempt in flight at the kill made
        assertEquals(inFlight, repeated, "requests no attempt records are exactly those in flight at the kill");
        assertTrue(repeats <= inFlight.size(), repeats + " repeated, " + inFlight.size() + " in flight");
        for (String id : retrying) {
            assertEquals(2L, attempts.get(id), "a retry the broker held across the crash was made once: " + id);
        }
        assertEquals(Map.of(), attempts.entrySet().stream()
                .filter(e -> !retrying.contains(e.getKey()) && e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "every other delivery took one attempt");
        assertFalse(Files.readString(orion.serverLog()).contains("are queued again"), "the sweeper queued nothing again");
    }

    private Map<String, Long> requestsPerEvent() {
        return receiver.received().stream()
                .collect(Collectors.groupingBy(WebhookReceiver.Received::eventId, TreeMap::new, Collectors.counting()));
    }

    /** Per event, the requests the receiver saw beyond the attempts the server recorded (events with none left out). */
    private static Map<String, Long> unrecorded(Map<String, Long> requests, Map<String, Long> attempts) {
        var unrecorded = new TreeMap<String, Long>();
        requests.forEach((id, n) -> {
            long extra = n - attempts.getOrDefault(id, 0L);
            if (extra != 0) {
                unrecorded.put(id, extra);
            }
        });
        return unrecorded;
    }

    /** A vendor with an API client on the standard plan (lifted for this test), and that client's token. */
    private static String vendorToken() throws Exception {
        String vendor = one("INSERT INTO vendors (code, name) VALUES ('hookcrash', 'Hook Crash') RETURNING id");
        one("INSERT INTO api_clients (client_id, name, secret_hash, role, vendor_id) VALUES ('hookcrash-api', 'hookcrash', '"
                + new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(6, "hookcrash-secret".toCharArray()), StandardCharsets.US_ASCII)
                + "', 'vendor', " + vendor + ") RETURNING id");
        return Http.json(Http.plain().postForm(API + "/auth/token", Map.of("grant_type", "client_credentials",
                "client_id", "hookcrash-api", "client_secret", "hookcrash-secret"))).getString("access_token");
    }

    /** @return the new endpoint's signing secret */
    private static String endpoint(String token, String url) {
        var created = Http.plain().send(request(token, "/webhook-endpoints").POST(HttpRequest.BodyPublishers.ofString(
                "{\"url\":\"" + url + "\",\"event_types\":[\"product.created\"]}")));
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created).getString("secret");
    }

    /** 500 products created through the API, 8 at a time: each records a product.created event and queues its delivery. */
    private static void recordEvents(String token) throws Exception {
        var http = Http.plain();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> puts = new ArrayList<>();
            for (int i = 1; i <= EVENTS; i++) {
                String sku = "CRASH-" + i;
                puts.add(() -> http.send(request(token, "/products/" + sku).PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"Crash " + sku + "\",\"price\":\"9.90\",\"currency\":\"EUR\",\"stock\":50,"
                                + "\"availability\":\"in_stock\"}"))).statusCode());
            }
            for (var put : pool.invokeAll(puts)) {
                assertEquals(201, put.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create(API + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static Set<String> ids(String sql) throws Exception {
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute("SET search_path = orion");
            var ids = new HashSet<String>();
            try (var rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private static Map<String, Long> counts(String sql) throws Exception {
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute("SET search_path = orion");
            var counts = new TreeMap<String, Long>();
            try (var rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        }
    }

    private static String one(String sql) {
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute("SET search_path = orion");
            try (var rows = statement.executeQuery(sql)) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.sql.Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(DB_URL, System.getenv().getOrDefault("ORION_DB_USER", "orion"),
                System.getenv().getOrDefault("ORION_DB_PASSWORD", "orion"));
    }
}
