package dev.orion.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.orion.it.support.FreshTestDatabase;
import dev.orion.it.support.Http;
import dev.orion.it.support.StandaloneOrion;
import dev.orion.it.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The rate limiter's cross-node ceiling against real Redis (docs/api.md, "Batches of permits"): two Orion servers
 * of their own (port offsets 1600 and 1700, standalone profile: rate limits need only the shared Redis), on one
 * database (orion_ratecap), Redis database 9 and one JWT key directory. One vendor client on plan {@code ceiling}
 * (100/s, bursts of 2,000: a 20 s window, batches of 10 permits) is hit on both servers at once by several
 * threads each, far beyond its budget, all within one window. Served requests must stay within the documented
 * ceiling, burst + servers x (batch - 1); refusals must happen; and the client's sorted set in Redis must hold no
 * more than the burst, at least every request served, and batches taken by both servers. A Redis that counted a
 * batch as one permit, or granted a batch beyond what is left, lets every request through and fails this test.
 */
class RateCeilingAcrossNodesIT {

    private static final String DB = "orion_ratecap";
    private static final String REDIS = "redis://127.0.0.1:6379/9";
    private static final String PLAN = "ceiling";
    private static final int PER_SECOND = 100;
    private static final int BURST = 2_000;
    private static final Duration WINDOW = Duration.ofMillis(1000L * BURST / PER_SECOND);
    /** A tenth of a second of the plan's rate (docs/api.md): what one server takes from Redis at once. */
    private static final int BATCH = PER_SECOND / 10;
    private static final int NODES = 2;
    /** The documented bound on requests served in one window of serving time, across all servers. */
    private static final int CEILING = BURST + NODES * (BATCH - 1);
    /** Well over the ceiling: a limiter that let everything through would serve all of them. */
    private static final int REQUESTS_PER_NODE = 1_400;
    private static final int THREADS_PER_NODE = 4;
    private static final int WARM_UP_PER_NODE = 300;

    private static final List<StandaloneOrion> nodes = new ArrayList<>();

    @BeforeAll
    static void startTwoServersOnOneRedis() throws Exception {
        FreshTestDatabase.main(new String[] {DB, REDIS});
        Path target = Path.of(System.getProperty("orion.server.base")).getParent();
        var environment = Map.of(
                "ORION_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + DB,
                "ORION_REDIS_URL", REDIS,
                "ORION_SMTP_PORT", "4625", // nothing here sends mail
                "ORION_DEMO_DATA", "false",
                "ORION_STORAGE_DIR", target.resolve("ratecap-storage").toString(),
                "ORION_JWT_KEY_DIR", target.resolve("ratecap-keys").toString(),
                "ORION_RATE_PLAN_CEILING", PER_SECOND + "/" + BURST);
        nodes.add(new StandaloneOrion(target.resolve("ratecap-node-a"), environment, 1600));
        nodes.add(new StandaloneOrion(target.resolve("ratecap-node-b"), environment, 1700));
        for (var node : nodes) {
            node.start(); // one after the other: the first migrates the schema and writes the keys both sign with
        }
    }

    @AfterAll
    static void stopBoth() throws Exception {
        for (var node : nodes) {
            node.stop();
        }
    }

    @Test
    void twoServersTogetherServeNoMoreThanTheCeilingAndRedisNoMoreThanTheBurst() throws Exception {
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String warm = token(apiClient("warm"));
        for (var node : nodes) { // a cold server answers its first requests slowly; another client, another key
            for (int i = 0; i < WARM_UP_PER_NODE; i++) {
                assertEquals(200, me(http, node, warm).statusCode(), "warm-up on " + node.url());
            }
        }
        String clientId = apiClient("busy");
        String token = token(clientId);

        var statuses = new ConcurrentHashMap<String, LongAdder>(); // "url status" -> count
        var pool = Executors.newFixedThreadPool(NODES * THREADS_PER_NODE);
        var start = new CountDownLatch(1);
        long stopSendingAt = System.nanoTime() + WINDOW.toNanos() / 2;
        var workers = new ArrayList<Future<?>>();
        for (var node : nodes) {
            var sent = new AtomicInteger();
            for (int t = 0; t < THREADS_PER_NODE; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    while (sent.getAndIncrement() < REQUESTS_PER_NODE && System.nanoTime() < stopSendingAt) {
                        int status = me(http, node, token).statusCode();
                        statuses.computeIfAbsent(node.url() + " " + status, k -> new LongAdder()).increment();
                    }
                    return null;
                }));
            }
        }
        long began = System.nanoTime();
        start.countDown();
        awaitAll(pool, workers);
        var permits = permitsInRedis("orion:ratelog:client:" + clientId + ":" + BURST + "/" + WINDOW.toMillis());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - began);

        var counts = new TreeMap<String, Long>();
        statuses.forEach((key, count) -> counts.put(key, count.sum()));
        long served = total(counts, 200);
        long refused = total(counts, 429);
        Set<String> takers = permits.stream().map(member -> member.split(":")[0]).collect(Collectors.toSet());
        long batched = permits.stream().filter(member -> member.split(":").length == 3).count();
        System.out.printf("Rate ceiling across %d servers: %d served, %d refused in %d ms (ceiling %d, burst %d);"
                + " Redis counted %d permits (%d in batches) taken by %d servers; per server and status %s%n",
                NODES, served, refused, elapsed.toMillis(), CEILING, BURST, permits.size(), batched, takers.size(), counts);

        assertTrue(elapsed.compareTo(WINDOW) < 0, "every request was served within one window (" + WINDOW
                + "), so the served count is one window's; took " + elapsed);
        assertEquals(served + refused, counts.values().stream().mapToLong(Long::longValue).sum(), "only 200s and 429s: " + counts);
        assertTrue(served <= CEILING, served + " served across both servers in one window: more than burst + servers"
                + " x (batch - 1) = " + CEILING);
        assertTrue(refused > 0, "the budget of " + BURST + " was spent by " + (served + refused) + " requests, yet none was refused");
        assertTrue(permits.size() <= BURST, "Redis granted " + permits.size() + " permits, more than the burst " + BURST);
        assertTrue(served <= permits.size(), "every request served was a permit counted in Redis: " + served
                + " served, " + permits.size() + " counted");
        assertEquals(NODES, takers.size(), "both servers took their permits from the one budget in Redis");
        assertTrue(batched > 0, "the servers took batches (the case this test is about), not only single permits");
    }

    private static HttpResponse<Void> me(HttpClient http, StandaloneOrion node, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(node.url() + "/api/v1/me")).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(node.url(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitAll(ExecutorService pool, List<Future<?>> workers) throws Exception {
        try {
            for (var worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long total(Map<String, Long> counts, int status) {
        return counts.entrySet().stream().filter(e -> e.getKey().endsWith(" " + status)).mapToLong(Map.Entry::getValue).sum();
    }

    /** The members of the client's sliding log: one per permit granted, named after the server that took it. */
    private static List<String> permitsInRedis(String key) {
        var config = new Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:6379").setDatabase(9);
        var redis = Redisson.create(config);
        try {
            return new ArrayList<>(redis.<String>getScoredSortedSet(key, StringCodec.INSTANCE).readAll());
        } finally {
            redis.shutdown();
        }
    }

    /** A vendor client on plan {@value #PLAN}, with secret "secret"; returns its client id. */
    private static String apiClient(String prefix) {
        String code = TestData.unique(prefix);
        long vendor = Long.parseLong(TestData.queryIn(DB, "INSERT INTO vendors (code, name) VALUES ('" + code + "', '"
                + code + "') RETURNING id"));
        String hash = new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(6, "secret".toCharArray()), StandardCharsets.US_ASCII);
        TestData.queryIn(DB, "INSERT INTO api_clients (client_id, name, secret_hash, role, vendor_id, rate_plan) VALUES ('"
                + code + "-api', '" + code + "', '" + hash + "', 'vendor', " + vendor + ", '" + PLAN + "') RETURNING id");
        return code + "-api";
    }

    /** A token from the first server; the second accepts it (one key directory). */
    private static String token(String clientId) {
        var response = Http.plain().postForm(nodes.get(0).url() + "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", "secret"));
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).getString("access_token");
    }
}
