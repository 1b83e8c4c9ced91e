package dev.orion.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Feed uploads follow the upload limit (ORION_MAX_UPLOAD_BYTES) whatever their media type, JSON Lines as
 * {@code application/x-ndjson} included; JSON API bodies keep the small limit (ORION_API_MAX_JSON_BYTES).
 */
@ExtendWith(ArquillianExtension.class)
class FeedUploadLimitIT extends OrionDeployment {

    @Test
    void aThreeMegabyteNdjsonOrdersFeedImports() {
        var vendor = ApiSession.newVendor("ndjson");
        var feed = new StringBuilder();
        String padding = " ".repeat(300_000); // JSON whitespace: each line stays a valid order well under the record limit
        for (int i = 1; i <= 10; i++) {
            feed.append("{\"external_id\": \"ND-").append(i).append("\",").append(padding)
                    .append("\"currency\": \"EUR\", \"customer\": {\"email\": \"ana@example.com\"},")
                    .append(" \"lines\": [{\"sku\": \"ANY-1\", \"quantity\": 1, \"unit_price\": \"5.00\"}]}\n");
        }
        byte[] body = feed.toString().getBytes(StandardCharsets.UTF_8);

        var accepted = vendor.post("/order-imports", "application/x-ndjson", body);

        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = ApiSession.path(accepted.headers().firstValue("Location").orElseThrow());
        JsonObject done = Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get(location)), JobStatus::ended);
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(10, done.getInt("rows_written"), done.toString());
    }

    @Test
    void aJsonBodyOverTheJsonLimitIsStill413() {
        var vendor = ApiSession.newVendor("bigjson");
        String body = "{\"title\": \"Mug\", \"description\": \"" + "d".repeat(2_000_000) + "\", \"price\": \"1.00\", \"currency\": \"EUR\"}";

        var refused = vendor.send("PUT", "/products/BIG-1", "application/json", body);

        assertEquals(413, refused.statusCode(), refused.body());
    }
}
