package dev.orion.it.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The events beyond orders and imports (docs/webhooks.md's catalogue), read back through the events API: each is
 * written with the change that causes it, so what the API lists is what a webhook endpoint would be sent.
 */
@ExtendWith(ArquillianExtension.class)
class EventCatalogueIT extends OrionDeployment {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static List<JsonObject> events(ApiSession api, String type) {
        return Http.json(api.get("/events?limit=100&type=" + type)).getJsonArray("data").stream()
                .map(JsonValue::asJsonObject).toList();
    }

    private static List<JsonObject> eventsOnceThereAre(ApiSession api, String type, int count) {
        return Poll.until(WAIT, () -> events(api, type), list -> list.size() >= count);
    }

    private static Set<String> skus(JsonObject event) {
        return event.getJsonObject("data").getJsonArray("skus").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.toSet());
    }

    private static void importFeed(ApiSession api, String feed) {
        var accepted = api.post("/imports", "text/tab-separated-values", feed.getBytes(StandardCharsets.UTF_8));
        assertEquals(202, accepted.statusCode(), accepted.body());
    }

    private static JsonObject adjust(ApiSession api, String sku, int delta) {
        var adjusted = api.send("POST", "/stock/adjustments", "application/json",
                "{\"adjustments\":[{\"sku\":\"" + sku + "\",\"delta\":" + delta + ",\"reason\":\"count\"}]}");
        assertEquals(200, adjusted.statusCode(), adjusted.body());
        return Http.json(adjusted);
    }

    private static long placeOrder(ApiSession api, String sku, int quantity) {
        var placed = api.send("POST", "/orders", "application/json", "{\"currency\":\"EUR\","
                + "\"customer\":{\"email\":\"ada@example.com\"},\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}");
        assertEquals(201, placed.statusCode(), placed.body());
        return Http.json(placed).getInt("id");
    }

    @Test
    void anImportChunkIsOneSummaryPerKindAndAnApiDeleteIsOneEvent() {
        var api = ApiSession.newVendor("ev-products");
        String header = "id\ttitle\tprice\tavailability\n";
        importFeed(api, header + "P-1\tOne\t1.00 EUR\tin_stock\nP-2\tTwo\t2.00 EUR\tin_stock\nP-3\tThree\t3.00 EUR\tin_stock\n");
        eventsOnceThereAre(api, "import.completed", 1);

        List<JsonObject> created = events(api, "product.created");
        assertEquals(1, created.size(), created.toString());
        assertEquals(Set.of("P-1", "P-2", "P-3"), skus(created.get(0)));
        assertEquals("import", created.get(0).getJsonObject("data").getString("source"));
        assertEquals(3, created.get(0).getJsonObject("data").getInt("count"));

        // P-2 unchanged, P-1 changed, P-4 new: an unchanged row is no event
        importFeed(api, header + "P-1\tOne, renamed\t1.00 EUR\tin_stock\nP-2\tTwo\t2.00 EUR\tin_stock\nP-4\tFour\t4.00 EUR\tin_stock\n");
        eventsOnceThereAre(api, "import.completed", 2);
        List<JsonObject> updated = events(api, "product.updated");
        assertEquals(1, updated.size(), updated.toString());
        assertEquals(Set.of("P-1"), skus(updated.get(0)));
        assertEquals(Set.of("P-4"), skus(events(api, "product.created").get(1)));

        assertEquals(204, api.send("DELETE", "/products/P-3", null, null).statusCode());
        List<JsonObject> deleted = events(api, "product.deleted");
        assertEquals(1, deleted.size(), deleted.toString());
        assertEquals(Set.of("P-3"), skus(deleted.get(0)));
        assertEquals("api-client", deleted.get(0).getJsonObject("data").getString("source"));
    }

    @Test
    void stockLowIsRecordedOnlyWhenStockCrossesTheThreshold() {
        var api = ApiSession.newVendor("ev-stock");
        TestData.product(api.vendorId, "MUG", "Mug", "4.50"); // stock 10
        TestData.product(api.vendorId, "LAMP", "Lamp", "19.90");

        adjust(api, "MUG", -4); // 6: not low
        assertEquals(0, events(api, "stock.low").size());
        adjust(api, "MUG", -1); // 5: low
        adjust(api, "MUG", -1); // 4: still low, no second event
        adjust(api, "MUG", 3);  // 7
        placeOrder(api, "LAMP", 5); // 5 by an order placed: low

        List<JsonObject> low = events(api, "stock.low");
        assertEquals(List.of("MUG", "LAMP"), low.stream()
                .map(e -> e.getJsonObject("data").getJsonObject("product").getString("sku")).toList());
        JsonObject mug = low.get(0).getJsonObject("data").getJsonObject("product");
        assertEquals(6, mug.getInt("previous_stock"));
        assertEquals(5, mug.getInt("stock"));
        assertEquals(5, mug.getInt("threshold"));
    }

    @Test
    void eachVendorsOwnLowStockThresholdDecidesStockLow() {
        var careful = ApiSession.newVendor("ev-threshold");
        var relaxed = ApiSession.newVendor("ev-default");
        var set = careful.send("PATCH", "/vendor", "application/json", "{\"low_stock_threshold\":10}");
        assertEquals(200, set.statusCode(), set.body());
        assertEquals(10, Http.json(set).getInt("low_stock_threshold"));
        assertEquals(10, Http.json(careful.get("/vendor")).getInt("low_stock_threshold"));
        assertEquals(5, Http.json(relaxed.get("/vendor")).getInt("low_stock_threshold"), "the default");
        var refused = careful.send("PATCH", "/vendor", "application/json", "{\"low_stock_threshold\":-1}");
        assertEquals(400, refused.statusCode(), refused.body());

        for (var api : List.of(careful, relaxed)) {
            TestData.product(api.vendorId, "MUG", "Mug", "4.50"); // stock 10
            adjust(api, "MUG", 2);  // 12
            adjust(api, "MUG", -3); // 9
        }

        List<JsonObject> low = events(careful, "stock.low");
        assertEquals(1, low.size(), low.toString());
        JsonObject mug = low.get(0).getJsonObject("data").getJsonObject("product");
        assertEquals(12, mug.getInt("previous_stock"));
        assertEquals(9, mug.getInt("stock"));
        assertEquals(10, mug.getInt("threshold"));
        assertEquals(0, events(relaxed, "stock.low").size(), "9 is not low under the default 5");
    }

    @Test
    void aFullImportNamesTheProductsItMadeUnavailableInProductUpdated() {
        var api = ApiSession.newVendor("ev-full");
        String header = "id\ttitle\tprice\tavailability\n";
        importFeed(api, header + "F-1\tOne\t1.00 EUR\tin_stock\nF-2\tTwo\t2.00 EUR\tin_stock\nF-3\tThree\t3.00 EUR\tin_stock\n");
        eventsOnceThereAre(api, "import.completed", 1);

        var accepted = api.post("/imports?mode=full", "text/tab-separated-values",
                (header + "F-1\tOne\t1.00 EUR\tin_stock\nF-3\tThree\t3.00 EUR\tin_stock\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(202, accepted.statusCode(), accepted.body());
        eventsOnceThereAre(api, "import.completed", 2);

        assertEquals("out_of_stock", Http.json(api.get("/products/F-2")).getString("availability"));
        List<JsonObject> updated = events(api, "product.updated");
        assertEquals(1, updated.size(), "F-1 and F-3 are unchanged, F-2 went unavailable: " + updated);
        assertEquals(Set.of("F-2"), skus(updated.get(0)));
        assertEquals("import", updated.get(0).getJsonObject("data").getString("source"));
        assertEquals(1, updated.get(0).getJsonObject("data").getInt("count"));
    }

    @Test
    void anIssuedInvoiceIsAnnouncedOnceAndAStoredReportToo() {
        var api = ApiSession.newVendor("ev-invoice");
        TestData.product(api.vendorId, "MUG", "Mug", "4.50");
        long order = placeOrder(api, "MUG", 1);
        var confirmed = api.send("POST", "/orders/" + order + "/transitions", "application/json", "{\"to\":\"CONFIRMED\"}");
        assertEquals(200, confirmed.statusCode(), confirmed.body());

        var issued = api.send("POST", "/orders/" + order + "/invoice", null, null);
        assertEquals(201, issued.statusCode(), issued.body());
        assertEquals(200, api.send("POST", "/orders/" + order + "/invoice", null, null).statusCode());
        List<JsonObject> invoiced = events(api, "order.invoiced");
        assertEquals(1, invoiced.size(), "issued once, announced once: " + invoiced);
        JsonObject data = invoiced.get(0).getJsonObject("data");
        assertEquals(order, data.getJsonObject("order").getInt("id"));
        assertEquals(Http.json(issued).getString("number"), data.getJsonObject("invoice").getString("number"));

        var requested = api.send("POST", "/reports/sales", "application/json",
                "{\"from\":\"2026-01-01\",\"to\":\"2026-01-31\",\"format\":\"csv\"}");
        assertEquals(202, requested.statusCode(), requested.body());
        long reportId = Http.json(requested).getJsonNumber("id").longValue();
        JsonObject report = eventsOnceThereAre(api, "report.ready", 1).get(0).getJsonObject("data").getJsonObject("report");
        assertEquals(reportId, report.getJsonNumber("id").longValue());
        assertEquals("csv", report.getString("format"));
    }
}
