package dev.orion.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orion.it.support.TestData;
import dev.orion.it.support.FreshTestDatabase;
import dev.orion.it.support.Http;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.Poll;
import dev.orion.it.support.StandaloneOrion;
import jakarta.json.JsonObject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile feed files against a server of its own with a small heap (port offset 600, database orion_hostile,
 * {@code -Xmx512m} and, as the deployment recipes do, {@code -XX:+ExitOnOutOfMemoryError}): each shape ends as a
 * FAILED import or a rejected row with a clear, short reason, and the server stays alive and imports the next
 * feed. The big files are generated on disk and streamed, never held in the test's heap.
 */
class HostileFeedIT {

    private static final int OFFSET = 600;
    private static final String DB = "orion_hostile";
    private static final String REDIS = "redis://127.0.0.1:6379/6";
    private static final long MIB = 1 << 20;

    private static final Http http = Http.plain();
    private static GreenMail smtp;
    private static StandaloneOrion orion;
    private static String token;
    private static Path files;

    @BeforeAll
    static void startSmallServer() throws Exception {
        String base = System.getProperty("orion.server.base");
        files = Files.createDirectories(Path.of(base + "-hostile-files"));
        FreshTestDatabase.main(new String[] {DB, REDIS});
        smtp = new GreenMail(new ServerSetup(3725, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)); // readiness asks for a mail relay
        smtp.start();
        orion = new StandaloneOrion(Path.of(base + "-hostile"), Map.of(
                "ORION_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + DB,
                "ORION_REDIS_URL", REDIS,
                "ORION_SMTP_PORT", "3725",
                "ORION_STORAGE_DIR", base + "-hostile-storage",
                "JAVA_OPTS", "-Xms128m -Xmx512m -XX:+ExitOnOutOfMemoryError -Djava.net.preferIPv4Stack=true"), OFFSET);
        orion.start();
        long vendor = Long.parseLong(query("INSERT INTO vendors (code, name) VALUES ('hostile', 'Hostile Vendor') RETURNING id"));
        query("INSERT INTO api_clients (client_id, name, secret_hash, role, vendor_id) VALUES ('hostile-vendor', 'hostile', '"
                + new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(6, "hostile-secret".toCharArray()), StandardCharsets.US_ASCII)
                + "', 'vendor', " + vendor + ") RETURNING id");
        token = Http.json(http.postForm(orion.url() + "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", "hostile-vendor", "client_secret", "hostile-secret"))).getString("access_token");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (orion != null) {
            orion.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (files != null) {
            try (var paths = Files.list(files)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    Files.delete(path);
                }
            }
        }
    }

    /** After each hostile feed: the server is alive, and a normal feed imports. */
    @AfterEach
    void serverStillServesAndImports() {
        assertTrue(orion.isAlive(), "the server process is alive");
        assertEquals(200, http.get(orion.managementUrl() + "/health/live").statusCode());
        String feed = "id\ttitle\tprice\tavailability\nOK-" + System.nanoTime() + "\tA fine mug\t12.50 EUR\tin_stock\n";
        JsonObject done = await(upload("/imports", feed.getBytes(StandardCharsets.UTF_8)));
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(1, done.getInt("rows_written"), done.toString());
    }

    @Test
    void aTenMegabyteLineIsARejectedLineWithAShortExcerptAndTheNextOrderImports() throws IOException {
        Path feed = files.resolve("long-line.ndjson");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(feed), 65536)) {
            out.write("{\"external_id\": \"".getBytes(StandardCharsets.US_ASCII));
            repeat(out, (byte) 'a', 10 * MIB);
            out.write("\", \"currency\": \"EUR\"}\n".getBytes(StandardCharsets.US_ASCII));
            out.write(order("LONG-AFTER").getBytes(StandardCharsets.UTF_8));
        }

        JsonObject done = await(upload("/order-imports", feed));

        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(1, done.getInt("rows_written"), "the order after the long line: " + done);
        assertEquals(1, done.getInt("rows_skipped"), done.toString());
        String rejects = rejects("/order-imports/", done);
        assertTrue(rejects.contains("longer than 1048576 bytes"), rejects);
        assertTrue(rejects.length() < 1000, "the rejected line is not echoed whole: " + rejects.length() + " characters");
    }

    @Test
    void aTenMegabyteLineInAProductFeedEndsWithAClearReason() throws IOException {
        Path feed = files.resolve("long-line.tsv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(feed), 65536)) {
            out.write("id\ttitle\tprice\tavailability\nLONG-1\t".getBytes(StandardCharsets.US_ASCII));
            repeat(out, (byte) 'b', 10 * MIB);
            out.write("\t1.00 EUR\tin_stock\nAFTER-1\tA mug\t1.00 EUR\tin_stock\n".getBytes(StandardCharsets.US_ASCII));
        }

        JsonObject done = await(upload("/imports", feed));

        assertEndedWithClearReason(done, "/imports/");
    }

    @Test
    void anUnclosedQuoteAtTheStartOfA200MegabyteFileFailsTheImportWithAClearReason() throws IOException {
        Path feed = files.resolve("unclosed-quote.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(feed), 65536)) {
            out.write("Handle,Title,Variant SKU,Variant Price\n\"mug,Mug,MUG-1,1.00\n".getBytes(StandardCharsets.US_ASCII));
            byte[] row = "cup,Cup,CUP-1,2.00\n".getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < 200 * MIB; written += row.length) {
                out.write(row);
            }
        }

        JsonObject done = await(upload("/imports", feed));

        assertEquals("FAILED", done.getString("status"), done.toString());
        assertTrue(done.getString("exit_status", "").contains("longer than 1048576 bytes"), done.toString());
    }

    @Test
    void aGzipBombFailsTheImportWithAClearReason() throws IOException {
        Path feed = files.resolve("bomb.ndjson.gz");
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(feed), 65536), 65536) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            repeat(out, (byte) 'x', 1536 * MIB);
        }
        assertTrue(Files.size(feed) < 3 * MIB, "a small upload: " + Files.size(feed));

        JsonObject done = await(upload("/order-imports", feed));

        assertEquals("FAILED", done.getString("status"), done.toString());
        assertTrue(done.getString("exit_status", "").contains("unpacks to more than"), done.toString());
    }

    @Test
    void anXmlItemWithAHundredThousandChildrenIsRejectedAndTheNextItemImports() throws IOException {
        Path feed = files.resolve("children.xml");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(feed), 65536)) {
            out.write(("<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:g=\"http://base.google.com/ns/1.0\"><channel>\n"
                    + "<item><g:id>WIDE-1</g:id>").getBytes(StandardCharsets.US_ASCII));
            byte[] child = "<g:custom_label>x</g:custom_label>".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 100_000; i++) {
                out.write(child);
            }
            out.write(("</item>\n<item><g:id>NARROW-1</g:id><g:title>Mug</g:title><g:price>3.00 EUR</g:price>"
                    + "<g:availability>in_stock</g:availability></item>\n</channel></rss>\n").getBytes(StandardCharsets.US_ASCII));
        }

        JsonObject done = await(upload("/imports", feed));

        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(1, done.getInt("rows_written"), done.toString());
        assertEquals(1, done.getInt("rows_skipped"), done.toString());
        String rejects = rejects("/imports/", done);
        assertTrue(rejects.contains("more than"), rejects);
    }

    /** FAILED with a reason naming the limit, or COMPLETED with the row rejected for it. */
    private void assertEndedWithClearReason(JsonObject done, String path) {
        if (done.getString("status").equals("FAILED")) {
            assertTrue(done.getString("exit_status", "").contains("longer than 1048576 bytes"), done.toString());
        } else {
            assertEquals("COMPLETED", done.getString("status"), done.toString());
            String rejects = rejects(path, done);
            assertTrue(rejects.contains("longer than 1048576 bytes"), rejects);
            assertTrue(rejects.length() < 1000, "the rejected line is not echoed whole: " + rejects.length() + " characters");
        }
    }

    private static void repeat(OutputStream out, byte b, long count) throws IOException {
        byte[] block = new byte[(int) MIB];
        Arrays.fill(block, b);
        for (long left = count; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
    }

    private static String order(String externalId) {
        return "{\"external_id\": \"" + externalId + "\", \"currency\": \"EUR\", \"customer\": {\"email\": \"ana@example.com\"},"
                + " \"lines\": [{\"sku\": \"ANY-1\", \"quantity\": 1, \"unit_price\": \"5.00\"}]}\n";
    }

    private String upload(String path, Path feed) throws IOException {
        return accepted(http.send(api(path).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(feed))));
    }

    private String upload(String path, byte[] feed) {
        return accepted(http.send(api(path).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(feed))));
    }

    private static String accepted(HttpResponse<String> response) {
        assertEquals(202, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private String rejects(String path, JsonObject done) {
        var response = http.send(api(path + done.getInt("id") + "/rejects"));
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(orion.url() + "/api/v1" + path)).header("Authorization", "Bearer " + token);
    }

    private JsonObject await(String location) {
        return Poll.until(Duration.ofSeconds(120), () -> {
            if (!orion.isAlive()) {
                throw new AssertionError("the server died; see " + orion.serverLog());
            }
            return Http.json(http.send(HttpRequest.newBuilder(URI.create(location)).header("Authorization", "Bearer " + token)));
        }, JobStatus::ended);
    }

    private static String query(String sql) {
        return TestData.queryIn(DB, sql);
    }
}
