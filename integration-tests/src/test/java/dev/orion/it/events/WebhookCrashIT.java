package dev.orion.it.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * whose receiver answers slowly, the server killed with SIGKILL while some are delivered, some in flight (their
 * requests held by the receiver, unanswered) and the rest queued, then started again. Every event must reach the
 * receiver signed and be acknowledged; a second request for an event is allowed only for an attempt in flight at
 * the kill (at least once, docs/webhooks.md#delivery-guarantees), and is counted and printed.
 * <p>
 * It runs its own server (port offset 1500, database {@code orion_hookcrash}, Redis database 12) with the default
 * sweep (PT10M): what is delivered after the restart comes from the broker's journal, not from the sweeper.
 */
class WebhookCrashIT {

    private static final int EVENTS = 500;
    private static final int OFFSET = 1500;
    private static final String DB = "orion_hookcrash";
    private static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/" + DB;
    private static final String REDIS = "redis://127.0.0.1:6379/12";
    private static final String API = "http://127.0.0.1:" + (8080 + OFFSET) + "/api/v1";

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
    void everyPendingEventIsDeliveredAfterAKillNineDuplicatesOnlyForAttemptsInFlight() throws Exception {
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
        receiver.hold();
        // every sender is now stuck in a request; what was acknowledged before has been committed by then
        Poll.until(Duration.ofSeconds(3), receiver::held, n -> n >= 1);
        Thread.sleep(1500); // less than the 5 s read timeout: no attempt has failed
        orion.kill();
        long killedAt = System.nanoTime();
        receiver.release();

        Set<String> deliveredAtKill = ids("SELECT event_id FROM webhook_deliveries WHERE status = 'DELIVERED'");
        Set<String> receivedAtKill = receiver.received().stream().map(WebhookReceiver.Received::eventId).collect(Collectors.toSet());
        Set<String> inFlight = new HashSet<>(receivedAtKill);
        inFlight.removeAll(deliveredAtKill);
        int queued = EVENTS - deliveredAtKill.size() - inFlight.size();
        assertEquals(EVENTS, ids("SELECT event_id FROM webhook_deliveries").size(), "one delivery per event");
        assertTrue(receivedAtKill.containsAll(deliveredAtKill), "a delivery is DELIVERED only once its receiver had it");
        assertTrue(deliveredAtKill.size() < EVENTS && queued > 0,
                "the kill came with deliveries still queued (" + deliveredAtKill.size() + " delivered, " + inFlight.size() + " in flight)");
        int requestsAtKill = receiver.received().size();

        long restarting = System.nanoTime();
        receiver.answerAfter(Duration.ZERO);
        orion.start();
        long started = System.nanoTime();
        Poll.until(Duration.ofSeconds(90), () -> Integer.parseInt(one(
                "SELECT count(*) FROM webhook_deliveries WHERE status = 'DELIVERED'")), n -> n == EVENTS);
        long drained = System.nanoTime();
        Thread.sleep(3000); // a duplicate would come after the last first request

        List<WebhookReceiver.Received> received = receiver.received();
        Map<String, Long> requestsPerEvent = received.stream()
                .collect(Collectors.groupingBy(WebhookReceiver.Received::eventId, TreeMap::new, Collectors.counting()));
        Map<String, Long> acksPerEvent = receiver.acknowledged().stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        Map<String, Long> duplicated = requestsPerEvent.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long duplicates = received.size() - requestsPerEvent.size();
        long ackDuplicates = receiver.acknowledged().size() - acksPerEvent.size();
        System.out.printf("Webhook crash drill: %d events; at the kill %d delivered, %d in flight, %d queued (%d requests"
                        + " received); restart took %d ms, then all delivered in %d ms (%d ms after the kill); %d duplicate"
                        + " requests (%d events), %d duplicate acknowledgements%n",
                EVENTS, deliveredAtKill.size(), inFlight.size(), queued, requestsAtKill, millis(restarting, started),
                millis(started, drained), millis(killedAt, drained), duplicates, duplicated.size(), ackDuplicates);

        assertEquals(EVENTS, requestsPerEvent.size(), "every event reached the receiver");
        assertEquals(EVENTS, acksPerEvent.size(), "every event was acknowledged");
        assertEquals(List.of(), received.stream().filter(r -> !r.signedWith(secret)).map(WebhookReceiver.Received::eventId).toList(),
                "every request is signed with the endpoint's secret");
        assertTrue(inFlight.containsAll(duplicated.keySet()), "only attempts in flight at the kill were made twice: "
                + duplicated + ", in flight " + inFlight);
        assertTrue(duplicates <= inFlight.size(), duplicates + " duplicates, " + inFlight.size() + " in flight");
        assertTrue(duplicated.values().stream().allMatch(n -> n == 2), "none more than twice: " + duplicated);
        assertEquals(0, ackDuplicates, "an attempt acknowledged before the kill was committed; none acknowledged twice: " + acksPerEvent);
        assertEquals("0", one("SELECT count(*) FROM webhook_deliveries WHERE status <> 'DELIVERED'"));
        assertEquals(Long.toString(EVENTS), one("SELECT count(*) FROM webhook_deliveries WHERE attempts = 1"),
                "one recorded attempt each: the crash left no attempt recorded twice");
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
