package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orion.it.support.FreezableProxy;
import dev.orion.it.support.FreshTestDatabase;
import dev.orion.it.support.Http;
import dev.orion.it.support.Poll;
import dev.orion.it.support.StandaloneOrion;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under a running Orion (port offset 1000, database orion_outage) whose datasource reaches it
 * through a proxy this test cuts: every connection dropped, new ones refused. Meanwhile the API answers 503
 * problem+json {@code …/unavailable} with Retry-After within a few seconds, a console page answers the "temporarily
 * unavailable" page with 503, readiness is DOWN, and the server's log has one WARN line for the outage and nothing
 * (no ERROR, no stack trace) for each request, nor for the timers that fire meanwhile. When the proxy lets connections through again the next calls are
 * served, and the log has one WARN line saying the database is back.
 */
class DatabaseOutageIT {

    private static final int OFFSET = 1000;
    private static final String DB = "orion_outage";
    private static final String REDIS = "redis://127.0.0.1:6379/10";
    private static final Set<String> ERROR_LEVELS = Set.of("ERROR", "SEVERE", "FATAL");
    private static final Duration FAST = Duration.ofSeconds(5);
    private static final Duration OUTAGE = Duration.ofSeconds(12);
    /** The test server's ORION_DB_SOCKET_TIMEOUT_SECONDS: how long a statement waits for a host that stopped answering. */
    private static final int SOCKET_TIMEOUT_SECONDS = 4;

    private final Http http = Http.plain();
    private GreenMail smtp;
    private FreezableProxy database;
    private StandaloneOrion orion;

    @AfterEach
    void tearDown() throws Exception {
        if (orion != null) {
            orion.stop();
        }
        if (database != null) {
            database.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void anOutageIsA503AndTwoLinesInTheLogAndRecoveryIsImmediate() throws Exception {
        FreshTestDatabase.main(new String[] {DB, REDIS});
        smtp = new GreenMail(new ServerSetup(3025 + OFFSET, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        database = new FreezableProxy(5432);
        String base = System.getProperty("orion.server.base");
        orion = new StandaloneOrion(Path.of(base + "-outage"), Map.of(
                "ORION_DB_URL", "jdbc:postgresql://127.0.0.1:" + database.port() + "/" + DB,
                "ORION_REDIS_URL", REDIS,
                "ORION_SMTP_PORT", String.valueOf(3025 + OFFSET),
                "ORION_DEMO_DATA", "false",
                "ORION_DB_SOCKET_TIMEOUT_SECONDS", String.valueOf(SOCKET_TIMEOUT_SECONDS),
                "ORION_STORAGE_DIR", base + "-outage-storage"), OFFSET);
        orion.start();
        arrange();
        String token = token();
        Http console = signIn();
        assertEquals(200, products(token).statusCode());
        assertEquals(200, console.get(orion.url() + "/console/catalog/products.xhtml").statusCode());
        assertEquals(200, ready());

        long mark = Files.size(orion.serverLog());
        database.cut();
        List<String> requestIds = new ArrayList<>();
        // long enough for the node's heartbeat (every 10 s) and the timer store's refresh to fail too: they stay quiet
        long cutAt = System.nanoTime();
        while (System.nanoTime() - cutAt < OUTAGE.toNanos()) {
            Thread.sleep(400);
            long started = System.nanoTime();
            var answer = products(token);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(503, answer.statusCode(), answer.body());
            assertTrue(took.compareTo(FAST) < 0, "answered in " + took);
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), answer.headers().toString());
            assertTrue(Http.json(answer).getString("type").endsWith("/unavailable"), answer.body());
            assertEquals("5", answer.headers().firstValue("Retry-After").orElse(null));
            requestIds.add(answer.headers().firstValue("X-Request-Id").orElseThrow());
        }
        var refusedToken = tokenAnswer();
        assertEquals(503, refusedToken.statusCode(), "a token request needs the database too: " + refusedToken.body());
        requestIds.add(refusedToken.headers().firstValue("X-Request-Id").orElseThrow());
        for (String page : List.of("/console/catalog/products.xhtml", "/console/dashboard.xhtml")) {
            var unavailable = console.get(orion.url() + page);
            assertEquals(503, unavailable.statusCode(), page + ": " + unavailable.body());
            assertTrue(unavailable.body().contains("id=\"unavailable-page\""), unavailable.body());
            assertTrue(unavailable.headers().firstValue("Retry-After").isPresent());
            requestIds.add(unavailable.headers().firstValue("X-Request-Id").orElseThrow());
        }
        assertEquals(503, ready(), "readiness is DOWN while the database is out");

        database.restore();
        long restored = System.nanoTime();
        var served = Poll.until(Duration.ofSeconds(15), () -> products(token), r -> r.statusCode() == 200);
        System.out.printf("DatabaseOutageIT: served again %d ms after the database came back%n", (System.nanoTime() - restored) / 1_000_000);
        assertEquals(200, served.statusCode());
        assertEquals(200, console.get(orion.url() + "/console/catalog/products.xhtml").statusCode());
        Poll.until(Duration.ofSeconds(15), () -> messagesSince(mark), m -> m.stream().anyMatch(s -> s.startsWith("The database is reachable again")));
        assertEquals(200, ready());

        List<JsonObject> records = recordsSince(mark);
        List<String> messages = records.stream().map(r -> r.getString("message", "")).toList();
        assertEquals(1, messages.stream().filter(m -> m.startsWith("The database is unreachable")).count(), String.join("\n", messages));
        assertEquals(1, messages.stream().filter(m -> m.startsWith("The database is reachable again after")).count(), String.join("\n", messages));
        // WildFly's timer service asks the database whether a persistent timer due during the outage should run, and
        // logs that failure with its stack trace (WFLYEJB0502, once per firing: the alert-evaluation schedule fires
        // every minute); Orion's own lines carry none
        var stackTraces = records.stream().filter(r -> r.containsKey("exception") || r.containsKey("stackTrace"))
                .filter(r -> !r.getString("message", "").startsWith("WFLYEJB0502")).toList();
        assertTrue(stackTraces.isEmpty(), "no stack trace during the outage: " + stackTraces);
        Set<String> ids = new HashSet<>(requestIds);
        var perRequest = records.stream()
                .filter(r -> r.containsKey("mdc") && ids.contains(r.getJsonObject("mdc").getString("correlation_id", "")))
                .filter(r -> !r.getString("message", "").startsWith("The database is unreachable")).toList();
        assertTrue(perRequest.isEmpty(), "no line per request, only the outage's one WARN line: " + perRequest);
        // what may remain is the server's own background lines (the timer store's refresh, readiness reported DOWN), never ours
        var errors = records.stream().filter(r -> ERROR_LEVELS.contains(r.getString("level", ""))).map(r -> r.getString("message", "")).toList();
        assertTrue(errors.stream().allMatch(m -> m.startsWith("WFLYEJB0456") || m.startsWith("WFLYEJB0502")),
                "only the timer store's refresh and due-timer checks failed: " + errors);

        aHungHostCostsARequestTheSocketTimeoutNotItsThread(token);
    }

    /**
     * A host that stops answering without closing anything (hung, or gone behind a firewall that drops packets) is the
     * outage a refused connection is not: without the driver's socket timeout the statement would wait for ever and
     * hold its request thread and connection. With it, the call is a 503 once the timeout passes, and the next calls
     * are served as soon as the host answers again.
     */
    private void aHungHostCostsARequestTheSocketTimeoutNotItsThread(String token) throws Exception {
        long mark = Files.size(orion.serverLog());
        database.freeze();
        long started = System.nanoTime();
        var answer = products(token);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("DatabaseOutageIT: a hung database host answered %d in %d ms (socket timeout %d s)%n",
                answer.statusCode(), took.toMillis(), SOCKET_TIMEOUT_SECONDS);
        assertEquals(503, answer.statusCode(), answer.body());
        assertTrue(took.compareTo(Duration.ofSeconds(SOCKET_TIMEOUT_SECONDS).plus(FAST)) < 0, "answered in " + took);
        Poll.until(Duration.ofSeconds(15), () -> messagesSince(mark), m -> m.stream().anyMatch(s -> s.startsWith("The database is unreachable")));

        database.thaw();
        assertEquals(200, Poll.until(Duration.ofSeconds(20), () -> products(token), r -> r.statusCode() == 200).statusCode());
    }

    private HttpResponse<String> products(String token) {
        return http.send(HttpRequest.newBuilder(URI.create(orion.url() + "/api/v1/products")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token));
    }

    private int ready() {
        return http.get(orion.managementUrl() + "/health/ready").statusCode();
    }

    private HttpResponse<String> tokenAnswer() {
        return http.postForm(orion.url() + "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", "od-vendor", "client_secret", "od-secret"));
    }

    private String token() {
        return Http.json(tokenAnswer()).getString("access_token");
    }

    private Http signIn() {
        var browser = Http.browser();
        browser.get(orion.url() + "/console/login.xhtml");
        var login = browser.postForm(orion.url() + "/console/login", Map.of("username", "keeper@outage.example", "password", "od-secret"));
        assertFalse(login.uri().getPath().endsWith("login.xhtml"), "the console user signs in: " + login.uri());
        return browser;
    }

    private static void arrange() {
        long vendor = Long.parseLong(TestData.queryIn(DB, "INSERT INTO vendors (code, name) VALUES ('od', 'Database Outage') RETURNING id"));
        String hash = new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(6, "od-secret".toCharArray()), StandardCharsets.US_ASCII);
        TestData.queryIn(DB, "INSERT INTO api_clients (client_id, name, secret_hash, role, vendor_id) VALUES ('od-vendor', 'od', '"
                + hash + "', 'vendor', " + vendor + ") RETURNING id");
        TestData.queryIn(DB, "INSERT INTO users (email, display_name, password_hash, role, vendor_id) VALUES ('keeper@outage.example', 'Keeper', '"
                + hash + "', 'VENDOR', " + vendor + ") RETURNING id");
        TestData.queryIn(DB, "INSERT INTO products (vendor_id, sku, title, price_amount, price_currency, stock) VALUES (" + vendor
                + ", 'A', 'A thing', 10.00, 'EUR', 100) RETURNING id");
    }

    private List<JsonObject> recordsSince(long mark) {
        try (var in = Files.newInputStream(orion.serverLog())) {
            in.skipNBytes(mark);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{")).map(Http::json).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> messagesSince(long mark) {
        return recordsSince(mark).stream().map(r -> r.getString("message", "")).toList();
    }
}
