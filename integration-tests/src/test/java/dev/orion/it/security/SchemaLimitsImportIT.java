package dev.orion.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Values that do not fit the schema (a 600-character title, a 14-digit price, an order total over NUMERIC(14,2))
 * are rejected rows naming the field and the limit, never a failed chunk that fails every restart again; the API
 * answers them with a 400 problem, not a 500. Rejected values are echoed as a short, marked excerpt.
 */
@ExtendWith(ArquillianExtension.class)
class SchemaLimitsImportIT extends OrionDeployment {

    @Test
    void productRowsThatBreakTheSchemaAreRejectedNamingFieldAndLimitAndTheOthersImport() {
        var vendor = ApiSession.newVendor("limits");
        String feed = String.join("\n",
                "id\ttitle\tprice\tavailability\tbrand",
                "GOOD-1\tMug\t12.50 EUR\tin_stock\tAcme",
                "LONG-TITLE\t" + "t".repeat(600) + "\t1.00 EUR\tin_stock\tAcme",
                "BIG-PRICE\tMug\t12345678901234 EUR\tin_stock\tAcme",
                "S".repeat(101) + "\tMug\t1.00 EUR\tin_stock\tAcme",
                "LONG-BRAND\tMug\t1.00 EUR\tin_stock\t" + "b".repeat(201),
                "GOOD-2\tCup\t999999999999.99 EUR\tin_stock\tAcme") + "\n";

        JsonObject done = await(vendor, "/imports", vendor.post("/imports", "text/tab-separated-values", bytes(feed)));

        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(2, done.getInt("rows_written"), done.toString());
        assertEquals(4, done.getInt("rows_skipped"), done.toString());
        assertEquals("2", TestData.queryString("SELECT count(*) FROM products WHERE vendor_id = ?", vendor.vendorId));
        String rejects = rejects(vendor, "/imports/", done);
        assertTrue(rejects.contains("3,title,") && rejects.contains("title is longer than 500 characters"), rejects);
        assertTrue(rejects.contains("4,price,") && rejects.contains("999999999999.99"), rejects);
        assertTrue(rejects.contains("5,id,") && rejects.contains("id is longer than 100 characters"), rejects);
        assertTrue(rejects.contains("6,brand,") && rejects.contains("brand is longer than 200 characters"), rejects);
        assertTrue(rejects.contains("…[truncated, 600 bytes]"), "the long title is a marked excerpt: " + rejects);
        assertFalse(rejects.contains("t".repeat(201)), "no more than 200 characters of a value: " + rejects);
    }

    @Test
    void anOrderWhoseTotalOverflowsIsRejectedAndTheOtherOrdersImport() {
        var vendor = ApiSession.newVendor("olimits");
        String feed = String.join("\n",
                order("OK-1", "1", "\"5.00\""),
                order("HUGE-1", "100000", "\"999999999.99\""),
                order("OK-2", "2", "\"7.00\"")) + "\n";

        JsonObject done = await(vendor, "/order-imports", vendor.post("/order-imports", "application/x-ndjson", bytes(feed)));

        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(2, done.getInt("rows_written"), done.toString());
        assertEquals(1, done.getInt("rows_skipped"), done.toString());
        String rejects = rejects(vendor, "/order-imports/", done);
        assertTrue(rejects.contains("2,total,") && rejects.contains("999999999999.99"), rejects);
    }

    @Test
    void anUnrecognisedFeedIsRefusedWithAProblemThatDoesNotEchoTheFile() {
        var vendor = ApiSession.newVendor("unrec");
        String secret = "metric_secret_value_" + "z".repeat(5000);
        var refused = vendor.post("/imports", "text/plain", bytes("# HELP " + secret + "\nline two " + secret + "\n"));

        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("none of the formats Orion reads"), refused.body());
        assertFalse(refused.body().contains("metric_secret_value"), refused.body());
    }

    @Test
    void theApiAnswersTheSameValuesWithA400Problem() {
        var vendor = ApiSession.newVendor("apilimits");
        String good = "{\"title\": \"Mug\", \"price\": \"1.00\", \"currency\": \"EUR\"}";
        assertEquals(201, vendor.send("PUT", "/products/MUG-1", "application/json", good).statusCode());

        assertProblem(400, vendor.send("PUT", "/products/MUG-2", "application/json",
                "{\"title\": \"" + "t".repeat(600) + "\", \"price\": \"1.00\", \"currency\": \"EUR\"}"));
        assertProblem(400, vendor.send("PUT", "/products/MUG-2", "application/json",
                "{\"title\": \"Mug\", \"price\": \"12345678901234\", \"currency\": \"EUR\"}"));
        assertProblem(400, vendor.send("PUT", "/products/MUG-2", "application/json",
                "{\"title\": \"Mug\", \"brand\": \"" + "b".repeat(201) + "\", \"price\": \"1.00\", \"currency\": \"EUR\"}"));
        assertProblem(400, vendor.send("PUT", "/products/" + "S".repeat(101), "application/json", good));
        assertProblem(400, vendor.send("PUT", "/products/MUG-2", "application/json",
                "{\"title\": \"Mug\\u0000\", \"price\": \"1.00\", \"currency\": \"EUR\"}"));
        assertProblem(400, vendor.send("PATCH", "/products/MUG-1", "application/merge-patch+json", "{\"title\": \"" + "t".repeat(600) + "\"}"));
        assertProblem(400, vendor.send("PATCH", "/products/MUG-1", "application/merge-patch+json", "{\"price\": \"12345678901234\"}"));

        TestData.product(vendor.vendorId, "GOLD-1", "Gold bar", "999999999999.99");
        TestData.execute("UPDATE products SET stock = 1000 WHERE vendor_id = ? AND sku = 'GOLD-1'", vendor.vendorId);
        var overflow = vendor.send("POST", "/orders", "application/json", "{\"customer\": {\"email\": \"ana@example.com\"},"
                + " \"currency\": \"EUR\", \"lines\": [{\"sku\": \"GOLD-1\", \"quantity\": 2}]}");
        assertTrue(overflow.statusCode() == 400 || overflow.statusCode() == 422, overflow.statusCode() + " " + overflow.body());
        assertEquals("application/problem+json", ApiSession.contentType(overflow));
        assertEquals("1000", TestData.queryString("SELECT stock FROM products WHERE vendor_id = ? AND sku = 'GOLD-1'", vendor.vendorId));
    }

    private static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", ApiSession.contentType(response));
    }

    private static String order(String externalId, String quantity, String price) {
        return "{\"external_id\": \"" + externalId + "\", \"currency\": \"EUR\", \"customer\": {\"email\": \"ana@example.com\"},"
                + " \"lines\": [{\"sku\": \"ANY-1\", \"quantity\": " + quantity + ", \"unit_price\": " + price + "}]}";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject await(ApiSession vendor, String path, HttpResponse<String> accepted) {
        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = ApiSession.path(accepted.headers().firstValue("Location").orElseThrow());
        return Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get(location)), JobStatus::ended);
    }

    private static String rejects(ApiSession vendor, String path, JsonObject done) {
        var response = vendor.download(path + done.getInt("id") + "/rejects");
        assertEquals(200, response.statusCode());
        return new String(response.body(), StandardCharsets.UTF_8);
    }

}
