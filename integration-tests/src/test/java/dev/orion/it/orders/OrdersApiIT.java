package dev.orion.it.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class OrdersApiIT extends OrionDeployment {

    private static String order(String externalId, String... lines) {
        return "{\"external_id\":\"" + externalId + "\",\"currency\":\"EUR\","
                + "\"customer\":{\"email\":\"ada@example.com\",\"name\":\"Ada\",\"locale\":\"fr\"},"
                + "\"lines\":[" + String.join(",", lines) + "]}";
    }

    private static String line(String sku, int quantity) {
        return "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}";
    }

    private static ApiSession shop() {
        var api = ApiSession.newVendor("orders");
        TestData.product(api.vendorId, "LAMP", "Lamp", "19.90"); // stock 10 each
        TestData.product(api.vendorId, "MUG", "Mug", "4.50");
        return api;
    }

    private static String stock(ApiSession api, String sku) {
        return TestData.queryString("SELECT stock FROM products WHERE vendor_id = ? AND sku = ?", api.vendorId, sku);
    }

    @Test
    void placingAnOrderReservesStockAndPricesFromTheCatalogue() {
        var api = shop();

        var created = api.send("POST", "/orders", "application/json", order("ext-1", line("LAMP", 2), line("MUG", 3)));

        assertEquals(201, created.statusCode(), created.body());
        JsonObject order = Http.json(created);
        assertEquals("PENDING", order.getString("status"));
        assertEquals("53.30", order.getString("total"));
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/orders/" + order.getInt("id")));
        assertEquals("8", stock(api, "LAMP"));
        assertEquals("7", stock(api, "MUG"));
        assertEquals(200, api.get("/orders/" + order.getInt("id")).statusCode());
    }

    @Test
    void notEnoughStockPlacesNothingAndNamesTheSku() {
        var api = shop();

        var refused = api.send("POST", "/orders", "application/json", order("ext-2", line("LAMP", 1), line("MUG", 11)));

        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("MUG"));
        assertEquals("10", stock(api, "LAMP"));
        assertEquals("0", TestData.queryString("SELECT count(*) FROM orders WHERE vendor_id = ?", api.vendorId));
    }

    @Test
    void unknownSkuIsUnprocessableAndDuplicateExternalIdIsConflict() {
        var api = shop();
        assertEquals(422, api.send("POST", "/orders", "application/json", order("ext-3", line("NOPE", 1))).statusCode());

        assertEquals(201, api.send("POST", "/orders", "application/json", order("ext-4", line("MUG", 1))).statusCode());
        var again = api.send("POST", "/orders", "application/json", order("ext-4", line("MUG", 1)));
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("9", stock(api, "MUG"));
    }

    @Test
    void listsFilterByStatusAndPageWithACursor() {
        var api = shop();
        for (int i = 0; i < 3; i++) {
            api.send("POST", "/orders", "application/json", order("ext-l" + i, line("MUG", 1)));
        }
        long first = Http.json(api.get("/orders?limit=1")).getJsonArray("data").getJsonObject(0).getInt("id");
        api.send("POST", "/orders/" + first + "/transitions", "application/json", "{\"to\":\"CANCELLED\"}");

        var page = Http.json(api.get("/orders?limit=2"));
        assertEquals(2, page.getJsonArray("data").size());
        assertTrue(page.getBoolean("has_more"));
        var rest = Http.json(api.get("/orders?limit=2&cursor=" + page.getString("next_cursor")));
        assertEquals(1, rest.getJsonArray("data").size());
        var cancelled = Http.json(api.get("/orders?status=CANCELLED")).getJsonArray("data");
        assertEquals(List.of((int) first), cancelled.stream().map(o -> o.asJsonObject().getInt("id")).toList());
        assertEquals(400, api.get("/orders?status=LOST").statusCode());
    }

    @Test
    void eachChangeIsAuditedOnceForTheClientAndARefusedMoveNotAtAll() {
        var api = shop();
        long id = Http.json(api.send("POST", "/orders", "application/json", order("ext-a", line("LAMP", 1), line("MUG", 2)))).getInt("id");

        assertEquals(200, api.send("POST", "/orders/" + id + "/transitions", "application/json", "{\"to\":\"CONFIRMED\"}").statusCode());
        assertEquals(409, api.send("POST", "/orders/" + id + "/transitions", "application/json", "{\"to\":\"DELIVERED\"}").statusCode());

        assertEquals(api.clientId + "|api-client|order.create|" + id + "|2 line(s),"
                        + api.clientId + "|api-client|order.transition|" + id + "|to CONFIRMED",
                TestData.queryString("SELECT string_agg(actor || '|' || actor_type || '|' || action || '|' || entity_id || '|' || details,"
                        + " ',' ORDER BY id) FROM audit_log WHERE vendor_id = ? AND action LIKE 'order.%'", api.vendorId));
    }

    @Test
    void invalidOrdersAreReportedPerField() {
        var api = shop();
        var response = api.send("POST", "/orders", "application/json",
                "{\"currency\":\"eur\",\"customer\":{\"email\":\"not-an-email\"},\"lines\":[]}");
        assertEquals(400, response.statusCode(), response.body());
        var fields = Http.json(response).getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
        assertTrue(fields.containsAll(List.of("currency", "lines")), fields.toString());
    }
}
