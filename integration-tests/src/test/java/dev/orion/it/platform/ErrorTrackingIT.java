package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.InjectedFailure;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An unhandled error reaches Sentry. The test server's SENTRY_DSN (integration-tests/pom.xml) points at 127.0.0.1:9555,
 * where this test answers as Sentry's envelope endpoint does; the rest of the time nothing listens there
 * and the SDK drops what it cannot send (it only backs off when Sentry answers 429), so earlier errors of
 * other tests do not hold this one back.
 */
@ExtendWith(ArquillianExtension.class)
class ErrorTrackingIT extends OrionDeployment {

    private HttpServer sentry;
    private final List<String> envelopes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startFakeSentry() throws IOException {
        sentry = HttpServer.create(new InetSocketAddress("127.0.0.1", 9555), 0);
        sentry.createContext("/api/1/envelope/", exchange -> {
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            envelopes.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        sentry.start();
    }

    @AfterEach
    void stopFakeSentry() {
        sentry.stop(0);
    }

    @Test
    void anUnhandledApiErrorReachesSentryWithItsExceptionAndCorrelationId() {
        var vendor = ApiSession.newVendor("sentry");
        String id = TestData.unique("sentry");
        var answer = InjectedFailure.refusedProductPut(vendor, "sentry", id);
        assertEquals(500, answer.statusCode(), answer.body());

        JsonObject event = Poll.until(Duration.ofSeconds(30), () -> eventTagged(id), Optional::isPresent).orElseThrow();
        assertEquals("api", event.getJsonObject("tags").getString("source"));
        assertEquals("it", event.getString("environment"));
        assertTrue(event.getString("release").startsWith("orion@"), event.getString("release"));
        var exceptions = event.getJsonObject("exception").getJsonArray("values").stream().map(JsonValue::asJsonObject).toList();
        assertTrue(exceptions.stream().allMatch(e -> !e.getString("type", "").isEmpty()), "each exception names its type: " + exceptions);
        assertTrue(exceptions.stream().anyMatch(e -> e.getString("value", "").contains("injected failure")),
                "the database's error is in the chain: " + exceptions);
    }

    @Test
    void aFailedJobReachesSentryWithItsNameAndTheIdOfTheRequestThatStartedIt() {
        var vendor = ApiSession.newVendor("sentryjob");
        String id = TestData.unique("sentryjob");
        String feed = "id\ttitle\tprice\tavailability\nJ-1\tOne\t1.00 EUR\tin_stock\nJ-2\tTwo\t2.00 EUR\tin_stock\n";
        JsonObject failed;
        try (var failure = new InjectedFailure("sentry_job_" + vendor.vendorId, "products",
                "NEW.vendor_id = " + vendor.vendorId + " AND NEW.sku = 'J-2'")) {
            var accepted = vendor.send("POST", "/imports", "text/tab-separated-values", feed, "X-Request-Id", id);
            assertEquals(202, accepted.statusCode(), accepted.body());
            String location = accepted.headers().firstValue("Location").orElseThrow();
            failed = Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get(ApiSession.path(location))), JobStatus::ended);
        }
        assertEquals("FAILED", failed.getString("status"), failed.toString());

        JsonObject event = Poll.until(Duration.ofSeconds(30), () -> eventTagged(id), Optional::isPresent).orElseThrow();
        var tags = event.getJsonObject("tags");
        assertEquals("job", tags.getString("source"));
        assertEquals("product-import", tags.getString("job"));
        assertEquals("error", event.getString("level"));
        assertTrue(event.toString().contains("Job product-import execution " + tags.getString("job_execution_id") + " FAILED"), event.toString());
    }

    /** The event among the received envelopes whose correlation_id tag is {@code id}. */
    private Optional<JsonObject> eventTagged(String id) {
        for (String envelope : envelopes) {
            for (String line : envelope.split("\n")) {
                if (line.startsWith("{") && line.contains("\"tags\"")) {
                    JsonObject item = Http.json(line);
                    JsonObject tags = item.getJsonObject("tags");
                    if (tags != null && id.equals(tags.getString("correlation_id", null))) {
                        return Optional.of(item);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
