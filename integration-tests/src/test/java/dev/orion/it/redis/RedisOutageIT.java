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
import dev.orion.it.support.StandaloneOrion;
import dev.orion.it.support.TestData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis goes away under a running Orion (port offset 900, database orion_redisout) that has a redis-server of its
 * own (port 6390, started and stopped by this test). Once the breaker in front of Redis is open, calls cost no
 * Redis time: their p50 stays under twice the p50 with Redis up plus a floor of 20 ms (a few-ms p50 doubles on
 * noise alone); every call is answered 200, the per-node limiter still refuses an over-budget client (429), and a
 * POST with an Idempotency-Key runs once and its retry replays it (the keys live in PostgreSQL). When Redis is
 * back, the rate limits count in Redis again.
 */
class RedisOutageIT {

    private static final int OFFSET = 900;
    private static final String DB = "orion_redisout";
    private static final int REDIS_PORT = 6390;
    private static final String REDIS = "redis://127.0.0.1:" + REDIS_PORT + "/1";
    private static final long FLOOR_MILLIS = 20;

    private final Http http = Http.plain();
    private Process redis;
    private GreenMail smtp;
    private StandaloneOrion orion;

    @AfterEach
    void tearDown() throws Exception {
        if (orion != null) {
            orion.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
        stopRedis();
    }

    @Test
    void anOutageCostsNoRedisTimeAndNothingRunsTwice() throws Exception {
        startRedis();
        FreshTestDatabase.main(new String[] {DB, REDIS});
        smtp = new GreenMail(new ServerSetup(3025 + OFFSET, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String base = System.getProperty("orion.server.base");
        orion = new StandaloneOrion(Path.of(base + "-redisout"), Map.of(
                "ORION_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + DB,
                "ORION_REDIS_URL", REDIS,
                "ORION_SMTP_PORT", String.valueOf(3025 + OFFSET),
                "ORION_DEMO_DATA", "false",
                "ORION_RATE_PLAN_STANDARD", "500/1000",
                "ORION_RATE_PLAN_TINY", "1/3",
                "ORION_STORAGE_DIR", base + "-redisout-storage"), OFFSET);
        orion.start();
        arrange();
        String token = token("ro-vendor", "ro-secret");
        String tinyToken = token("ro-tiny", "ro-secret");

        p50(token, 20); // warm-up
        long before = p50(token, 50);
        assertFalse(redisKeys().isEmpty(), "with Redis up the rate limits count in Redis");

        stopRedis();
        for (int i = 0; i < 8; i++) {
            assertEquals(200, products(token).statusCode(), "served while the breaker learns that Redis is out");
        }
        long during = p50(token, 50);
        System.out.printf("RedisOutageIT: p50 with Redis up %d ms, during the outage %d ms%n", before, during);
        assertTrue(during < 2 * before + FLOOR_MILLIS, "p50 during the outage " + during + " ms, before " + before + " ms");

        List<Integer> tiny = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tiny.add(products(tinyToken).statusCode());
        }
        assertTrue(tiny.contains(429), "this node's limiter refuses over budget: " + tiny);
        assertTrue(tiny.contains(200), tiny.toString());

        String stock = TestData.queryIn(DB, "SELECT stock FROM products WHERE sku = 'A'");
        var keyed = adjust(token, "outage-key-1");
        assertEquals(200, keyed.statusCode(), "keyed requests need no Redis: " + keyed.body());
        var retried = adjust(token, "outage-key-1");
        assertEquals("true", retried.headers().firstValue("Idempotent-Replayed").orElse(null), retried.body());
        assertEquals(keyed.body(), retried.body());
        assertEquals(Integer.parseInt(stock) - 1, Integer.parseInt(TestData.queryIn(DB, "SELECT stock FROM products WHERE sku = 'A'")),
                "the keyed POST ran once");

        startRedis();
        assertTrue(redisKeys().isEmpty());
        Poll.until(Duration.ofSeconds(30), () -> {
            products(token);
            return redisKeys();
        }, keys -> !keys.isEmpty());
        var afterwards = adjust(token, "outage-key-2");
        assertEquals(200, afterwards.statusCode(), afterwards.body());
        var replay = adjust(token, "outage-key-2");
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(null), "idempotency works as before");
    }

    private long p50(String token, int calls) {
        long[] millis = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            var response = products(token);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, response.statusCode(), response.body());
        }
        Arrays.sort(millis);
        return millis[calls / 2];
    }

    private HttpResponse<String> products(String token) {
        return http.send(HttpRequest.newBuilder(URI.create(orion.url() + "/api/v1/products")).header("Authorization", "Bearer " + token));
    }

    private HttpResponse<String> adjust(String token, String key) {
        return http.send(HttpRequest.newBuilder(URI.create(orion.url() + "/api/v1/stock/adjustments"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"adjustments\":[{\"sku\":\"A\",\"delta\":-1,\"reason\":\"sale\"}]}")));
    }

    private String token(String client, String secret) {
        return Http.json(http.postForm(orion.url() + "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret))).getString("access_token");
    }

    private static void arrange() {
        long vendor = Long.parseLong(TestData.queryIn(DB, "INSERT INTO vendors (code, name) VALUES ('ro', 'Redis Outage') RETURNING id"));
        String hash = new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(6, "ro-secret".toCharArray()), StandardCharsets.US_ASCII);
        TestData.queryIn(DB, "INSERT INTO api_clients (client_id, name, secret_hash, role, vendor_id) VALUES ('ro-vendor', 'ro', '"
                + hash + "', 'vendor', " + vendor + ") RETURNING id");
        TestData.queryIn(DB, "INSERT INTO api_clients (client_id, name, secret_hash, role, vendor_id, rate_plan) VALUES ('ro-tiny', 'ro tiny', '"
                + hash + "', 'vendor', " + vendor + ", 'tiny') RETURNING id");
        TestData.queryIn(DB, "INSERT INTO products (vendor_id, sku, title, price_amount, price_currency, stock) VALUES (" + vendor
                + ", 'A', 'A thing', 10.00, 'EUR', 100) RETURNING id");
    }

    private void startRedis() throws IOException, InterruptedException {
        redis = new ProcessBuilder("redis-server", "--port", String.valueOf(REDIS_PORT), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Poll.until(Duration.ofSeconds(10), () -> cli("PING"), "PONG"::equals);
    }

    private void stopRedis() throws InterruptedException {
        if (redis != null) {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
            redis = null;
        }
    }

    private static List<String> redisKeys() {
        String out = cli("-n", "1", "--scan", "--pattern", "orion:ratelog:*");
        return out == null || out.isBlank() ? List.of() : out.lines().toList();
    }

    private static String cli(String... args) {
        var command = new ArrayList<>(List.of("redis-cli", "-p", String.valueOf(REDIS_PORT)));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }
}
