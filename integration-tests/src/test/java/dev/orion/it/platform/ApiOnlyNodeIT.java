package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orion.it.support.FreshTestDatabase;
import dev.orion.it.support.Http;
import dev.orion.it.support.Poll;
import dev.orion.it.support.StandaloneOrion;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An API-only server (a server of its own: port offset 1300, database orion_capacity, Redis database 13,
 * ORION_BATCH_ENABLED=false) accepts an import and a report and runs neither: both wait QUEUED for a server that
 * runs batch work (JobCapacityIT shows a queued execution being started when a slot frees), and it says at start
 * that it runs no batch work.
 */
class ApiOnlyNodeIT {

    private static final int API_ONLY_OFFSET = 1300;
    private static final String API_ONLY_DB = "orion_capacity";
    private static final byte[] FEED = "id\ttitle\tprice\tavailability\nCAP-1\tCapacity mug\t9.00 EUR\tin_stock\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void anApiOnlyServerQueuesWhatItStartsForTheBatchServers() throws Exception {
        FreshTestDatabase.main(new String[] {API_ONLY_DB, "redis://127.0.0.1:6379/13"});
        var smtp = new GreenMail(new ServerSetup(3025 + API_ONLY_OFFSET, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String base = System.getProperty("orion.server.base");
        var orion = new StandaloneOrion(Path.of(base + "-capacity"), Map.of(
                "ORION_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + API_ONLY_DB,
                "ORION_REDIS_URL", "redis://127.0.0.1:6379/13",
                "ORION_SMTP_PORT", String.valueOf(3025 + API_ONLY_OFFSET),
                "ORION_DEMO_DATA", "false",
                "ORION_BATCH_ENABLED", "false",
                "ORION_BATCH_THREADS", "2",
                "ORION_STORAGE_DIR", base + "-capacity-storage"), API_ONLY_OFFSET);
        try {
            orion.start();
            long vendor = Long.parseLong(TestData.queryIn(API_ONLY_DB,
                    "INSERT INTO vendors (code, name) VALUES ('api-only', 'API only') RETURNING id"));
            String hash = new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(6, "ao-secret".toCharArray()), StandardCharsets.US_ASCII);
            TestData.queryIn(API_ONLY_DB, "INSERT INTO api_clients (client_id, name, secret_hash, role, vendor_id) VALUES ('ao-vendor',"
                    + " 'api only', '" + hash + "', 'vendor', " + vendor + ") RETURNING id");
            var http = Http.plain();
            String token = Http.json(http.postForm(orion.url() + "/api/v1/auth/token", Map.of("grant_type", "client_credentials",
                    "client_id", "ao-vendor", "client_secret", "ao-secret"))).getString("access_token");
            var started = http.send(HttpRequest.newBuilder(URI.create(orion.url() + "/api/v1/imports")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "text/tab-separated-values").POST(HttpRequest.BodyPublishers.ofByteArray(FEED)));
            assertEquals(202, started.statusCode(), started.body());
            String importUrl = orion.url() + "/api/v1/imports/" + Http.json(started).getJsonNumber("id").longValue();
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            var requested = http.send(HttpRequest.newBuilder(URI.create(orion.url() + "/api/v1/reports/sales"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"from\": \"" + today + "\", \"to\": \"" + today + "\", \"format\": \"csv\"}")));
            assertEquals(202, requested.statusCode(), requested.body());
            String reportUrl = requested.headers().firstValue("Location").orElseThrow();

            for (String url : List.of(importUrl, reportUrl)) {
                JsonObject status = Poll.until(Duration.ofSeconds(30), () -> Http.json(http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token))), s -> !List.of("STARTING", "STARTED").contains(s.getString("status")));
                assertEquals("QUEUED", status.getString("status"), url + " on an API-only server: " + status);
            }
            Thread.sleep(3000); // longer than a batch server's look at the queue (2 s): nothing here picks the work up
            assertEquals("QUEUED", Http.json(http.send(HttpRequest.newBuilder(URI.create(importUrl))
                    .header("Authorization", "Bearer " + token))).getString("status"));
            assertEquals("0", TestData.queryIn(API_ONLY_DB, "SELECT count(*) FROM products"), "the import did not run here");
            String log = Files.readString(orion.serverLog());
            assertTrue(log.contains("this server runs no batch work"), "the server says it is API-only");
        } finally {
            orion.stop();
            smtp.stop();
        }
    }

}
