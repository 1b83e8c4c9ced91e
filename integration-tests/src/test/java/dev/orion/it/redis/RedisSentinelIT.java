package dev.orion.it.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orion.it.support.FreshTestDatabase;
import dev.orion.it.support.Http;
import dev.orion.it.support.Poll;
import dev.orion.it.support.RedisSentinels;
import dev.orion.it.support.StandaloneOrion;
import dev.orion.it.support.TestData;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Orion on Redis Sentinel, for real: a primary, a replica and three sentinels from Debian's redis-server and
 * redis-sentinel ({@link RedisSentinels}, free loopback ports, password on the servers) under a server of its own
 * (port offset 1400, database orion_sentinel, Redis database 14) configured with ORION_REDIS_SENTINELS. Under
 * constant API load (four clients, each a GET and a POST with a fresh Idempotency-Key in turn) the primary is failed
 * over twice: by {@code SENTINEL FAILOVER}, then by SIGKILL of the primary's process. Each time: no request fails
 * for longer than {@link #MAX_FAILING} and none fails other than a 503 with Retry-After; the rate limit goes on
 * counting in the new primary from where it was (the shared limiter, not a node's own); answers stored before the
 * failover still replay; every POST answered 2xx changed the stock exactly once; the readiness data names the new
 * primary. The measured failover times are printed ({@code RedisSentinelIT: ...}).
 */
class RedisSentinelIT {

    private static final int OFFSET = 1400;
    private static final String DB = "orion_sentinel";
    private static final int REDIS_DB = 14;
    private static final int CLIENTS = 4;
    /** The window a client may see refusals: the sentinels' down-after (2 s here), their election, the breaker's 5 s. */
    private static final Duration MAX_FAILING = Duration.ofSeconds(10);
    /** "small": 300 requests in any 300 s, so the count of a few calls outlives both failovers. */
    private static final int SMALL_BURST = 300;

    private final Http http = Http.plain();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private RedisSentinels redis;
    private GreenMail smtp;
    private StandaloneOrion orion;
    private String token;
    private String smallToken;
    private int smallCalls;
    /** Keyed POSTs answered 2xx (each adds 1 to the stock), over both failovers. */
    private long postsAnswered;

    /** One request of the load: which, when (ms since the test's start), the status (-1: no answer), the key and body of a POST. */
    private record Call(String kind, long start, long end, int status, String key, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        if (orion != null) {
            orion.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void failoversCostSecondsAndKeepSharedLimitsAndIdempotency() throws Exception {
        String base = System.getProperty("orion.server.base");
        redis = RedisSentinels.start(Path.of(base + "-sentinel-redis"));
        int firstPrimary = redis.masterPort();
        // the URL gives password and database; its host is the first primary, as an operator moving to Sentinel leaves it
        String url = "redis://:" + RedisSentinels.PASSWORD + "@127.0.0.1:" + firstPrimary + "/" + REDIS_DB;
        FreshTestDatabase.main(new String[] {DB, url});
        smtp = new GreenMail(new ServerSetup(3025 + OFFSET, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        orion = new StandaloneOrion(Path.of(base + "-sentinel"), Map.of(
                "ORION_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + DB,
                "ORION_REDIS_URL", url,
                "ORION_REDIS_SENTINELS", redis.sentinelList(),
                "ORION_REDIS_SENTINEL_MASTER", RedisSentinels.MASTER,
                "ORION_SMTP_PORT", String.valueOf(3025 + OFFSET),
                "ORION_DEMO_DATA", "false",
                "ORION_RATE_PLAN_STANDARD", "1000/2000",
                "ORION_RATE_PLAN_SMALL", "1/" + SMALL_BURST,
                "ORION_STORAGE_DIR", base + "-sentinel-storage"), OFFSET);
        orion.start();
        arrange();
        token = token("sen-vendor");
        smallToken = token("sen-small");
        assertEquals("UP 127.0.0.1:" + firstPrimary + " (master mymaster of Sentinel)", redisReadiness());

        for (int i = 0; i < 3; i++) {
            smallCall(); // counted in Redis, on the first primary
        }
        var keyed = adjust("before-failovers");
        assertEquals(200, keyed.statusCode(), keyed.body());

        failover("SENTINEL FAILOVER", () -> {
            redis.failover();
            return firstPrimary;
        });
        redis.awaitSteady(Duration.ofSeconds(30));
        failover("primary killed (SIGKILL)", redis::killPrimary);

        var replay = adjust("before-failovers");
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(null), replay.body());
        assertEquals(keyed.body(), replay.body());
        assertEquals(String.valueOf(100 + 1 + postsAnswered), TestData.queryIn(DB, "SELECT stock FROM products WHERE sku = 'SEN-A'"),
                "every keyed POST answered 2xx ran once, none that was refused ran");
        String log = Files.readString(orion.serverLog());
        assertFalse(log.contains("UT005023"), "no request ended in an unhandled exception");
        assertFalse(log.contains("password setting is deprecated"), "Redisson is configured the current way");
    }

    /** Load before, through and after {@code action} (which answers the old primary's port), then the checks. */
    private void failover(String name, Callable<Integer> action) throws Exception {
        calls.clear();
        long t0 = System.nanoTime();
        var load = new ArrayList<Thread>();
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        for (int i = 0; i < CLIENTS; i++) {
            var client = new Thread(() -> {
                while (!stop.get()) {
                    record("GET", t0, null);
                    record("POST", t0, UUID.randomUUID().toString());
                }
            });
            client.setDaemon(true); // a failed assertion must not leave it running
            client.start();
            load.add(client);
        }
        long actedAt;
        long switchedAt;
        int newPrimary;
        try {
            Thread.sleep(4_000);
            actedAt = millisSince(t0);
            int oldPrimary = action.call();
            newPrimary = redis.awaitNewMaster(oldPrimary, Duration.ofSeconds(30));
            switchedAt = millisSince(t0);
            Thread.sleep(12_000); // past the breaker's open period: Orion is on the new primary again
        } finally {
            stop.set(true);
            for (Thread thread : load) {
                thread.join();
            }
        }
        List<Call> done = List.copyOf(calls);
        postsAnswered += done.stream().filter(c -> c.kind().equals("POST") && c.ok()).count();
        String gets = failures(done, "GET");
        String posts = failures(done, "POST");
        System.out.printf("RedisSentinelIT: %s: %d calls; the sentinels named the new primary %d ms after; failed calls: GET %s, keyed POST %s%n",
                name, done.size(), switchedAt - actedAt, gets, posts);

        for (Call call : done) {
            assertTrue(call.ok() || call.status() == 503, name + ": only 503s while Redis fails over, was " + call);
        }
        assertTrue(longestFailing(done, "GET") <= MAX_FAILING.toMillis(), name + ": GETs failed for " + gets);
        assertTrue(longestFailing(done, "POST") <= MAX_FAILING.toMillis(), name + ": keyed POSTs failed for " + posts);
        assertTrue(done.stream().anyMatch(c -> c.kind().equals("POST") && c.ok() && c.start() > switchedAt),
                name + ": keyed POSTs are accepted again");

        assertEquals("UP 127.0.0.1:" + newPrimary + " (master mymaster of Sentinel)", redisReadiness(), name);
        var remaining = smallCall();
        assertEquals(SMALL_BURST - smallCalls, remaining, name + ": the budget goes on counting where it was");
        assertEquals(String.valueOf(smallCalls), smallCountInRedis(), name + ": counted in the new primary");
        for (Call before : done.stream().filter(c -> c.kind().equals("POST") && c.ok() && c.end() < actedAt).limit(5).toList()) {
            var replay = adjust(before.key());
            assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(null), name + ": " + replay.body());
            assertEquals(before.body(), replay.body(), name);
        }
    }

    private void record(String kind, long t0, String key) {
        long start = millisSince(t0);
        int status;
        String body = null;
        try {
            HttpResponse<String> response = key == null ? products() : adjust(key);
            status = response.statusCode();
            body = response.body();
            if (status == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
                status = 599; // a 503 without Retry-After is not the refusal Orion promises
            }
        } catch (RuntimeException e) {
            status = -1;
        }
        calls.add(new Call(kind, start, millisSince(t0), status, key, body));
    }

    /** The longest stretch (ms) from a failed call's start to the end of the last failed call before the next success. */
    private static long longestFailing(List<Call> done, String kind) {
        List<Call> ofKind = done.stream().filter(c -> c.kind().equals(kind)).sorted((a, b) -> Long.compare(a.start(), b.start())).toList();
        long longest = 0;
        Long since = null;
        long until = 0;
        for (Call call : ofKind) {
            if (call.ok()) {
                since = null;
            } else {
                if (since == null) {
                    since = call.start();
                }
                until = call.end();
                longest = Math.max(longest, until - since);
            }
        }
        return longest;
    }

    private static String failures(List<Call> done, String kind) {
        var statuses = new TreeMap<Integer, Integer>();
        done.stream().filter(c -> c.kind().equals(kind) && !c.ok()).forEach(c -> statuses.merge(c.status(), 1, Integer::sum));
        long total = done.stream().filter(c -> c.kind().equals(kind)).count();
        return statuses.isEmpty() ? "none of " + total
                : statuses + " of " + total + " within " + longestFailing(done, kind) + " ms";
    }

    private String redisReadiness() {
        var ready = Http.json(http.send(HttpRequest.newBuilder(URI.create(orion.managementUrl() + "/health/ready"))));
        return ready.getJsonArray("checks").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("optional-dependencies"))
                .map(check -> check.getJsonObject("data").getString("redis")).findFirst().orElse(null);
    }

    /** One call of the small plan's client: its RateLimit-Remaining. */
    private long smallCall() {
        var response = http.send(HttpRequest.newBuilder(URI.create(orion.url() + "/api/v1/products?limit=1"))
                .header("Authorization", "Bearer " + smallToken));
        assertEquals(200, response.statusCode(), response.body());
        smallCalls++;
        return Long.parseLong(response.headers().firstValue("RateLimit-Remaining").orElseThrow());
    }

    private String smallCountInRedis() {
        String key = redis.primaryCli("-n", String.valueOf(REDIS_DB), "--scan", "--pattern", "orion:ratelog:client:sen-small:*");
        assertTrue(key != null && !key.isBlank(), "the small client's budget is in the primary");
        return redis.primaryCli("-n", String.valueOf(REDIS_DB), "ZCARD", key.strip());
    }

    private HttpResponse<String> products() {
        return http.send(HttpRequest.newBuilder(URI.create(orion.url() + "/api/v1/products?limit=5")).header("Authorization", "Bearer " + token));
    }

    private HttpResponse<String> adjust(String key) {
        return http.send(HttpRequest.newBuilder(URI.create(orion.url() + "/api/v1/stock/adjustments"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"adjustments\":[{\"sku\":\"SEN-A\",\"delta\":1,\"reason\":\"restock\"}]}")));
    }

    private String token(String client) {
        return Http.json(http.postForm(orion.url() + "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", "sen-secret"))).getString("access_token");
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void arrange() {
        long vendor = Long.parseLong(TestData.queryIn(DB, "INSERT INTO vendors (code, name) VALUES ('sen', 'Sentinel') RETURNING id"));
        String hash = new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(6, "sen-secret".toCharArray()), StandardCharsets.US_ASCII);
        TestData.queryIn(DB, "INSERT INTO api_clients (client_id, name, secret_hash, role, vendor_id) VALUES ('sen-vendor', 'sen', '"
                + hash + "', 'vendor', " + vendor + ") RETURNING id");
        TestData.queryIn(DB, "INSERT INTO api_clients (client_id, name, secret_hash, role, vendor_id, rate_plan) VALUES ('sen-small', 'sen small', '"
                + hash + "', 'vendor', " + vendor + ", 'small') RETURNING id");
        TestData.queryIn(DB, "INSERT INTO products (vendor_id, sku, title, price_amount, price_currency, stock) VALUES (" + vendor
                + ", 'SEN-A', 'A thing', 10.00, 'EUR', 100) RETURNING id");
    }
}
