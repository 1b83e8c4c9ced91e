package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiClients;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** JSON and CSV answers above 1 KiB travel gzip-compressed to clients that ask for it; small ones and secrets do not. */
@ExtendWith(ArquillianExtension.class)
class CompressionIT extends OrionDeployment {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aLargeJsonPageIsCompressedForAClientThatAsksAndPlainForOneThatDoesNot() {
        var vendor = ApiSession.newVendor("gzip");
        long id = Http.json(vendor.post("/imports", "text/tab-separated-values", feed(60, false))).getJsonNumber("id").longValue();
        awaitEnd(vendor, id);

        var compressed = get(vendor, "/products?limit=60", "gzip");
        assertEquals(200, compressed.statusCode());
        assertEquals("gzip", compressed.headers().firstValue("Content-Encoding").orElse(""), "large JSON is compressed");
        String json = gunzip(compressed.body());
        assertEquals(60, Json.createReader(new StringReader(json)).readObject().getJsonArray("data").size());
        assertTrue(compressed.body().length < json.length() / 3, "and smaller for it: " + compressed.body().length + " of " + json.length());

        var plain = get(vendor, "/products?limit=60", null);
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), "no encoding the client did not ask for");
        assertEquals(json, new String(plain.body(), StandardCharsets.UTF_8));

        var small = get(vendor, "/me", "gzip");
        assertEquals(200, small.statusCode());
        assertTrue(small.headers().firstValue("Content-Encoding").isEmpty(), "a small answer is not worth compressing");
    }

    @Test
    void aStreamedCsvIsCompressed() {
        var vendor = ApiSession.newVendor("gzipcsv");
        long id = Http.json(vendor.post("/imports", "text/tab-separated-values", feed(200, true))).getJsonNumber("id").longValue();
        awaitEnd(vendor, id);

        var rejects = get(vendor, "/imports/" + id + "/rejects", "gzip");
        assertEquals(200, rejects.statusCode());
        assertEquals("gzip", rejects.headers().firstValue("Content-Encoding").orElse(""));
        String csv = gunzip(rejects.body());
        assertTrue(csv.lines().count() > 100, "every rejected row is in the CSV: " + csv.lines().count());
    }

    @Test
    void theTokenAnswerIsNeverCompressed() throws Exception {
        var vendor = ApiSession.newVendor("gziptoken");
        var request = HttpRequest.newBuilder(URI.create(Http.BASE + "/api/v1/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + URLEncoder.encode(vendor.clientId, StandardCharsets.UTF_8) + "&client_secret=wrong")).build();
        var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(response.headers().firstValue("Content-Encoding").isEmpty(), "token endpoint answers stay uncompressed");
    }

    private static HttpResponse<byte[]> get(ApiSession session, String path, String acceptEncoding) {
        var builder = HttpRequest.newBuilder(URI.create(Http.BASE + "/api/v1" + path)).GET()
                .header("Authorization", ApiClients.bearer(session.token()));
        if (acceptEncoding != null) {
            builder.header("Accept-Encoding", acceptEncoding);
        }
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String gunzip(byte[] body) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("not a gzip body: " + e.getMessage(), e);
        }
    }

    private static JsonObject awaitEnd(ApiSession vendor, long id) {
        return Poll.until(Duration.ofSeconds(120), () -> Http.json(vendor.get("/imports/" + id)), JobStatus::ended);
    }

    /** A Google-style TSV; with {@code broken}, every row has a price the importer rejects. */
    private static byte[] feed(int rows, boolean broken) {
        var feed = new StringBuilder("id\ttitle\tdescription\tprice\tavailability\n");
        for (int i = 1; i <= rows; i++) {
            feed.append("GZ-").append(i).append("\tCompressible item number ").append(i)
                    .append("\tA description long enough to make the page worth compressing, row ").append(i)
                    .append('\t').append(broken ? "twelve euros" : (i % 100) + ".99 EUR").append("\tin_stock\n");
        }
        return feed.toString().getBytes(StandardCharsets.UTF_8);
    }
}
