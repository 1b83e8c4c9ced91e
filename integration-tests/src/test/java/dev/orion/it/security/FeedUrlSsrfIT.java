package dev.orion.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.ServedFile;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Feed URLs are a vendor's way to make the server send requests: they must never reach the server's own
 * network (its management port 9990 and /metrics, the 8080 listener on loopback, anything private), by any
 * spelling of the address or by a redirect, and a hostile feed server must not hold a fetch forever or fill
 * the storage. Every failure looks the same to the tenant (no port-scan oracle). The test's own feed server
 * listens on 127.0.0.7, which the failsafe configuration allows (ORION_FEED_FETCH_ALLOW=127.0.0.7/32), with a
 * 4 MiB cap (ORION_FEED_FETCH_MAX_BYTES) and a 5 s deadline (ORION_FEED_FETCH_DEADLINE).
 */
@ExtendWith(ArquillianExtension.class)
class FeedUrlSsrfIT extends OrionDeployment {

    /** What the tenant sees when a feed URL was refused, unreachable, or answered anything but a feed. */
    private static final String NOT_FETCHED = "The feed could not be fetched from its URL. Nothing was imported.";

    private static final String PRODUCTS = "/imports";
    private static final String ORDERS = "/order-imports";
    private static final String PRODUCT_FEED = "id\ttitle\tprice\tavailability\nSSRF-1\tCup\t4.50 EUR\tin_stock\nSSRF-2\tMug\t5.00 EUR\tin_stock\n";
    private static final String ORDER_FEED = "{\"external_id\":\"SSRF-1\",\"currency\":\"EUR\",\"customer\":{\"email\":\"s@example.com\"},"
            + "\"lines\":[{\"sku\":\"NOT-IN-CATALOGUE\",\"quantity\":1,\"unit_price\":\"1.00\"}]}\n";

    private static final AtomicInteger BAD_FEED_FETCHES = new AtomicInteger();

    private static HttpServer feeds;
    private static ExecutorService handlers;
    private static String base;

    @BeforeAll
    static void startFeedServer() throws IOException {
        feeds = HttpServer.create(new InetSocketAddress(ServedFile.HOST, 0), 0);
        handlers = Executors.newCachedThreadPool();
        feeds.setExecutor(handlers);
        feeds.createContext("/good.tsv", exchange -> answer(exchange, 200, PRODUCT_FEED));
        feeds.createContext("/good.jsonl", exchange -> answer(exchange, 200, ORDER_FEED));
        feeds.createContext("/one-bad-row.tsv", exchange -> {
            BAD_FEED_FETCHES.incrementAndGet();
            answer(exchange, 200, PRODUCT_FEED + "SSRF-3\tBowl\tfree\tin_stock\n");
        });
        feeds.createContext("/to-metrics", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:9990/metrics");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        feeds.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no length to refuse up front, the cap must count
            byte[] line = "{\"external_id\":\"padding padding padding padding padding padding padding padding\"}\n"
                    .getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < 64L * 1024 * 1024; sent += line.length) {
                    out.write(line);
                }
            } catch (IOException cutOff) {
                // the fetch hung up at its cap: what the test wants
            }
        });
        feeds.createContext("/drip", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("id\ttitle\tprice\tavailability\n".getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 600; i++) { // one row every 200 ms for two minutes
                    out.write(("DRIP-" + i + "\tDrip\t1.00 EUR\tin_stock\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException cutOff) {
                // the fetch hung up at its deadline
            }
        });
        feeds.start();
        base = "http://" + ServedFile.HOST + ":" + feeds.getAddress().getPort();
    }

    @AfterAll
    static void stopFeedServer() {
        feeds.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void refusesInternalAddressesInEverySpellingOnBothImportEndpoints() {
        for (String url : List.of("http://127.0.0.1:9990/metrics", "http://localhost:9990/", "http://0.0.0.0:9990/",
                "http://[::]:9990/", "http://[::ffff:127.0.0.1]:9990/metrics", "http://2130706433:9990/metrics",
                "http://127.0.0.1:8080/health", "http://[::1]:9990/metrics")) {
            var vendor = ApiSession.newVendor("ssrf"); // a client each: the polling stays within one client's rate plan
            for (String endpoint : List.of(PRODUCTS, ORDERS)) {
                assertNotFetched(vendor, endpoint, url);
            }
        }
    }

    @Test
    void refusesARedirectFromAnAllowedServerToAnInternalAddress() {
        var vendor = ApiSession.newVendor("ssrfredir");
        for (String endpoint : List.of(PRODUCTS, ORDERS)) {
            assertNotFetched(vendor, endpoint, base + "/to-metrics");
        }
    }

    @Test
    void failsCleanlyOnAFeedLargerThanTheCap() {
        var vendor = ApiSession.newVendor("ssrfhuge");
        JsonObject done = assertNotFetched(vendor, ORDERS, base + "/huge");
        assertEquals(0, done.getInt("rows_read"), "nothing of a feed over the cap is imported");
    }

    @Test
    void cutsOffASlowDripFeedAtTheDeadline() {
        var vendor = ApiSession.newVendor("ssrfdrip");
        long started = System.nanoTime();
        JsonObject done = assertNotFetched(vendor, PRODUCTS, base + "/drip");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(40)) < 0, "a two-minute drip is cut off at the 5 s deadline, took " + took);
        assertEquals(0, done.getInt("rows_written"));
    }

    @Test
    void unreachableClosedAndMissingFeedsAnswerLikeRefusedOnes() throws IOException {
        var vendor = ApiSession.newVendor("ssrfclosed");
        int closedPort;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(ServedFile.HOST))) {
            closedPort = socket.getLocalPort();
        }
        for (String url : List.of("http://" + ServedFile.HOST + ":" + closedPort + "/feed.tsv", base + "/gone.tsv",
                "http://no-such-host.invalid/feed.tsv")) {
            assertNotFetched(vendor, PRODUCTS, url);
        }
    }

    @Test
    void importsAGoodFeedFromAnAllowedServer() {
        var vendor = ApiSession.newVendor("ssrfgood");

        JsonObject products = imported(vendor, PRODUCTS, base + "/good.tsv");
        assertEquals("COMPLETED", products.getString("status"), products.toString());
        assertEquals(2, products.getInt("rows_written"));
        assertEquals(2, products.getJsonObject("progress").getInt("total_rows"), "the lines of a fetched feed are counted for progress");

        JsonObject orders = imported(vendor, ORDERS, base + "/good.jsonl");
        assertEquals("COMPLETED", orders.getString("status"), orders.toString());
        assertEquals(1, orders.getInt("rows_written"));
        assertEquals(1, orders.getJsonObject("progress").getInt("total_rows"));
    }

    @Test
    void aRestartFetchesNothingAgainAndKeepsTheFetchedFeedsRowCount() {
        var vendor = ApiSession.newVendor("ssrfrestart");
        var platform = ApiSession.newPlatform("ssrfrestart");
        var accepted = vendor.send("POST", PRODUCTS + "?skip_limit=0", "application/json", "{\"url\": \"" + base + "/one-bad-row.tsv\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonObject failed = awaitEnd(vendor, accepted);
        assertEquals("FAILED", failed.getString("status"), "past the skip limit of 0: " + failed);
        assertEquals(1, BAD_FEED_FETCHES.get());

        var restart = platform.send("POST", "/batch/executions/" + failed.getJsonNumber("execution_id").longValue() + "/restart", null, null);
        assertEquals(202, restart.statusCode(), restart.body());
        JsonObject again = Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get(ApiSession.path(accepted.headers().firstValue("Location").orElseThrow()))),
                status -> status.getJsonNumber("execution_id").longValue() != failed.getJsonNumber("execution_id").longValue() && JobStatus.ended(status));

        assertEquals(1, BAD_FEED_FETCHES.get(), "the restart reads the stored copy");
        assertEquals(3, again.getJsonObject("progress").getInt("total_rows"), "the count of the fetch, found in the first execution: " + again);
    }

    /** Starts an import of {@code url} and checks that it failed the one way a tenant may see, leaking nothing. */
    private static JsonObject assertNotFetched(ApiSession vendor, String endpoint, String url) {
        var accepted = start(vendor, endpoint, url);
        assertNoMetrics(accepted.body(), url);
        assertEquals(202, accepted.statusCode(), url + " " + endpoint + ": " + accepted.body());
        JsonObject done = awaitEnd(vendor, accepted);
        assertNoMetrics(done.toString(), url);
        assertEquals("FAILED", done.getString("status"), url + " " + endpoint + ": " + done);
        assertEquals(NOT_FETCHED, done.getString("exit_status"), url + " " + endpoint + ": " + done);
        var rejects = vendor.get(ApiSession.path(done.getString("rejects_url")));
        assertEquals(200, rejects.statusCode());
        assertNoMetrics(rejects.body(), url);
        assertEquals(1, rejects.body().strip().lines().count(), "only the report's header, nothing of what the URL answered: " + rejects.body());
        return done;
    }

    private static JsonObject imported(ApiSession vendor, String endpoint, String url) {
        var accepted = start(vendor, endpoint, url);
        assertEquals(202, accepted.statusCode(), accepted.body());
        return awaitEnd(vendor, accepted);
    }

    private static HttpResponse<String> start(ApiSession vendor, String endpoint, String url) {
        return vendor.send("POST", endpoint, "application/json", "{\"url\": \"" + url + "\"}");
    }

    private static JsonObject awaitEnd(ApiSession vendor, HttpResponse<String> accepted) {
        String location = accepted.headers().firstValue("Location").orElseThrow();
        return Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get(ApiSession.path(location))), JobStatus::ended);
    }

    /** WildFly's /metrics (Prometheus text) and the health answer: none of it may reach a tenant. */
    private static void assertNoMetrics(String answer, String url) {
        for (String marker : List.of("# HELP", "# TYPE", "jvm_", "base_", "\"checks\"")) {
            assertFalse(answer.contains(marker), url + " leaked " + marker + ": " + answer);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
