package dev.orion.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiClients;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class ProductImportJobIT extends OrionDeployment {

    private static final String FEED = String.join("\n",
            "id\ttitle\tdescription\tprice\tavailability\tbrand\tgtin\timage_link",
            "TENT-1\tTrail Tent\tTwo-person tent\t129.00 EUR\tin_stock\tAlder\t\thttps://img.example/tent.jpg",
            "MUG-1\tEnamel Mug\t\t12.50 EUR\tout_of_stock\tBirch\t\t",
            "BAD-1\tBroken Price\t\ttwelve euros\tin_stock\t\t\t",
            "LAMP-1\tLantern\t\t24.00 EUR\tpreorder\t\t\t") + "\n";

    @Test
    void importJobStartedThroughTheApiWritesValidRowsAndSkipsBrokenOnes() {
        String code = TestData.unique("feed");
        long vendorId = TestData.vendor(code);
        TestData.apiClient(code + "-api", "secret", vendorId);
        String token = ApiClients.token(code + "-api", "secret");

        var accepted = Http.plain().post(Http.BASE + "/api/v1/imports", "text/tab-separated-values", FEED,
                "Authorization", ApiClients.bearer(token));

        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/api/v1/imports/"), location);
        JsonObject done = Poll.until(Duration.ofSeconds(60),
                () -> Http.json(Http.plain().get(location, "Authorization", ApiClients.bearer(token))),
                status -> status.getString("status").equals("COMPLETED") || status.getString("status").equals("FAILED"));
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(4, done.getInt("rows_read"));
        assertEquals(3, done.getInt("rows_written"));
        assertEquals(1, done.getInt("rows_skipped"));
        assertEquals("129.00", TestData.queryString("SELECT price_amount FROM products WHERE vendor_id = ? AND sku = 'TENT-1'", vendorId));
        assertEquals("out_of_stock", TestData.queryString("SELECT availability FROM products WHERE vendor_id = ? AND sku = 'MUG-1'", vendorId));
        assertEquals(null, TestData.queryString("SELECT sku FROM products WHERE vendor_id = ? AND sku = 'BAD-1'", vendorId));
    }
}
