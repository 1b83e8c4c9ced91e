package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class IdempotencyIT extends OrionDeployment {

    private static final String TAKE_ONE = "{\"adjustments\":[{\"sku\":\"A\",\"delta\":-1,\"reason\":\"sale\"}]}";
    /** {@code ORION_IDEMPOTENCY_CLAIM_SECONDS} on the test server (integration-tests/pom.xml). */
    private static final int CLAIM_SECONDS = 2;

    /** No external id: nothing but the key keeps a second run from placing a second order. */
    private static String orderOfOneA(String email) {
        return "{\"currency\":\"EUR\",\"customer\":{\"email\":\"" + email + "\"},\"lines\":[{\"sku\":\"A\",\"quantity\":1}]}";
    }

    private static String orders(ApiSession api) {
        return TestData.queryString("SELECT count(*) FROM orders WHERE vendor_id = ?", api.vendorId);
    }

    private static String stock(ApiSession api) {
        return TestData.queryString("SELECT stock FROM products WHERE vendor_id = ? AND sku = 'A'", api.vendorId);
    }

    private static ApiSession vendorWithProductA(String prefix) {
        var api = ApiSession.newVendor(prefix);
        TestData.product(api.vendorId, "A", "A", "1.00"); // stock 10
        return api;
    }

    @Test
    void aRetryGetsTheFirstAnswerBackAndChangesNothing() {
        var api = vendorWithProductA("idem");
        String key = UUID.randomUUID().toString();

        var first = api.send("POST", "/stock/adjustments", "application/json", TAKE_ONE, "Idempotency-Key", key);
        var retry = api.send("POST", "/stock/adjustments", "application/json", TAKE_ONE, "Idempotency-Key", key);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, retry.statusCode());
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(first.body(), retry.body());
        assertEquals("9", stock(api));
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        var api = vendorWithProductA("reuse");
        String key = UUID.randomUUID().toString();
        api.send("POST", "/stock/adjustments", "application/json", TAKE_ONE, "Idempotency-Key", key);

        var other = api.send("POST", "/stock/adjustments", "application/json", TAKE_ONE.replace("-1", "-2"), "Idempotency-Key", key);

        assertEquals(422, other.statusCode(), other.body());
        assertEquals("application/problem+json", ApiSession.contentType(other));
        assertEquals("9", stock(api));
    }

    @Test
    void concurrentDuplicatesRunOnce() throws Exception {
        var api = vendorWithProductA("dup");
        String key = UUID.randomUUID().toString();
        var pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> duplicates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            duplicates.add(() -> api.send("POST", "/stock/adjustments", "application/json", TAKE_ONE, "Idempotency-Key", key).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (var future : pool.invokeAll(duplicates)) {
            statuses.add(future.get());
        }
        pool.shutdown();

        assertEquals("9", stock(api), "applied exactly once: " + statuses);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
        assertTrue(statuses.contains(200), statuses.toString());
    }

    @Test
    void aRetriedImportUploadStartsOneJob() {
        var api = ApiSession.newVendor("upload");
        String key = UUID.randomUUID().toString();
        String feed = "id\ttitle\tprice\tavailability\nX-1\tThing\t1.00 EUR\tin_stock\n";

        var first = api.send("POST", "/imports", "text/tab-separated-values", feed, "Idempotency-Key", key);
        var retry = api.send("POST", "/imports", "text/tab-separated-values", feed, "Idempotency-Key", key);

        assertEquals(202, first.statusCode(), first.body());
        assertEquals(202, retry.statusCode());
        assertEquals(first.headers().firstValue("Location"), retry.headers().firstValue("Location"));
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
    }

    @Test
    void aClientThatHungUpMidRequestGetsItsOneOrderWhenItRetriesPastTheClaimsFirstTerm() throws Exception {
        var api = vendorWithProductA("hangup");
        String key = UUID.randomUUID().toString();
        String order = orderOfOneA("hangup@example.com");
        CompletableFuture<HttpResponse<String>> retryWhileRunning;
        try (var row = ProductRowLock.of(api.vendorId, "A")) {
            try (var socket = sendRaw(api, "/orders", order, key)) {
                row.awaitWaiter(); // the order is placed up to its stock reservation, which waits for the row
                socket.setSoLinger(true, 0); // hang up with a reset: whatever the server writes back is lost
            }
            Thread.sleep((CLAIM_SECONDS + 1) * 1000L); // past the claim's first term; the order still waits
            retryWhileRunning = CompletableFuture.supplyAsync(
                    () -> api.send("POST", "/orders", "application/json", order, "Idempotency-Key", key));
            Thread.sleep(500);
            row.release();
        }
        var early = retryWhileRunning.get(30, TimeUnit.SECONDS);
        Poll.until(Duration.ofSeconds(15), () -> orders(api), n -> !"0".equals(n));

        var retry = api.send("POST", "/orders", "application/json", order, "Idempotency-Key", key);

        assertEquals("1", orders(api), "one order, however often the client asked");
        assertEquals("9", stock(api));
        assertEquals(409, early.statusCode(), "while the first still runs its claim holds: " + early.body());
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertTrue(retry.headers().firstValue("Location").orElse("").contains("/orders/"), retry.headers().toString());
        String id = TestData.queryString("SELECT id FROM orders WHERE vendor_id = ?", api.vendorId);
        assertTrue(retry.headers().firstValue("Location").orElse("").endsWith("/orders/" + id), retry.headers().toString());
        assertTrue(retry.body().contains("\"id\":" + id), retry.body());
    }

    @Test
    void aRequestRunningLongerThanItsClaimIsNotRunTwiceByARetry() throws Exception {
        var api = vendorWithProductA("slow");
        String key = UUID.randomUUID().toString();
        String order = orderOfOneA("slow@example.com");
        CompletableFuture<HttpResponse<String>> first;
        CompletableFuture<HttpResponse<String>> retryWhileRunning;
        try (var row = ProductRowLock.of(api.vendorId, "A")) {
            first = CompletableFuture.supplyAsync(() -> api.send("POST", "/orders", "application/json", order, "Idempotency-Key", key));
            row.awaitWaiter();
            Thread.sleep((CLAIM_SECONDS * 2 + 1) * 1000L); // two claim terms and more
            retryWhileRunning = CompletableFuture.supplyAsync(
                    () -> api.send("POST", "/orders", "application/json", order, "Idempotency-Key", key));
            Thread.sleep(500);
            row.release();
        }
        var placed = first.get(30, TimeUnit.SECONDS);
        var early = retryWhileRunning.get(30, TimeUnit.SECONDS);
        var retry = api.send("POST", "/orders", "application/json", order, "Idempotency-Key", key);

        assertEquals("1", orders(api), "placed once");
        assertEquals(201, placed.statusCode(), placed.body());
        assertEquals(409, early.statusCode(), early.body());
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(placed.body(), retry.body());
        assertEquals(placed.headers().firstValue("Location"), retry.headers().firstValue("Location"));
    }

    /** Sends a keyed POST on a socket of its own and reads nothing back. */
    private static Socket sendRaw(ApiSession api, String path, String json, String key) throws IOException {
        URI base = URI.create(Http.BASE);
        var socket = new Socket(base.getHost(), base.getPort());
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1" + path + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nAuthorization: Bearer " + api.token()
                + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + key + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        var out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    /** A product row locked by the test, so that a request which reserves its stock waits as long as the test likes. */
    private record ProductRowLock(Connection connection) implements AutoCloseable {

        static ProductRowLock of(long vendorId, String sku) throws SQLException {
            Connection connection = TestData.connect();
            connection.setAutoCommit(false);
            try (var lock = connection.prepareStatement("SELECT id FROM products WHERE vendor_id = ? AND sku = ? FOR UPDATE")) {
                lock.setLong(1, vendorId);
                lock.setString(2, sku);
                lock.executeQuery().close();
            }
            return new ProductRowLock(connection);
        }

        /** Until a server session waits for a lock on products (ours). */
        void awaitWaiter() {
            Poll.until(Duration.ofSeconds(15), () -> TestData.queryString("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE wait_event_type = 'Lock' AND datname = current_database() AND query ILIKE '%products%'"), n -> !"0".equals(n));
        }

        void release() throws SQLException {
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
