package dev.orion.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class StockAdjustmentsIT extends OrionDeployment {

    private static String batch(String... lines) {
        return "{\"adjustments\":[" + String.join(",", lines) + "]}";
    }

    private static String line(String sku, int delta) {
        return "{\"sku\":\"" + sku + "\",\"delta\":" + delta + ",\"reason\":\"test\"}";
    }

    private static String stock(long vendorId, String sku) {
        return TestData.queryString("SELECT stock FROM products WHERE vendor_id = ? AND sku = ?", vendorId, sku);
    }

    @Test
    void aBatchThatWouldGoNegativeChangesNothingAndNamesTheSkus() {
        var api = ApiSession.newVendor("stock");
        TestData.product(api.vendorId, "A", "A", "1.00"); // stock 10
        TestData.product(api.vendorId, "B", "B", "1.00");

        var response = api.send("POST", "/stock/adjustments", "application/json", batch(line("A", -3), line("B", -11)));

        assertEquals(409, response.statusCode(), response.body());
        assertEquals(List.of("B"), Http.json(response).getJsonArray("skus").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("10", stock(api.vendorId, "A"));
        assertEquals("10", stock(api.vendorId, "B"));
        assertEquals("0", TestData.queryString("SELECT count(*) FROM audit_log WHERE vendor_id = ? AND action = 'stock.adjust'", api.vendorId),
                "a refused batch is not audited");
    }

    @Test
    void aValidBatchAppliesEveryLine() {
        var api = ApiSession.newVendor("stockok");
        TestData.product(api.vendorId, "A", "A", "1.00");
        TestData.product(api.vendorId, "B", "B", "1.00");

        var response = api.send("POST", "/stock/adjustments", "application/json", batch(line("A", -3), line("B", 5), line("A", -1)));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("6", stock(api.vendorId, "A"));
        assertEquals("15", stock(api.vendorId, "B"));
        assertEquals("stock.adjust 3 line(s) / 3 movements by " + api.clientId, TestData.queryString(
                "SELECT string_agg(a.action || ' ' || a.details, ',') || ' / ' || (SELECT count(*) FROM stock_movements m"
                        + " JOIN products p ON p.id = m.product_id WHERE p.vendor_id = ? AND m.actor = ?) || ' movements by ' || min(a.actor)"
                        + " FROM audit_log a WHERE a.vendor_id = ? AND a.actor_type = 'api-client'",
                api.vendorId, api.clientId, api.vendorId), "one audit record for the batch, one movement per line");
    }

    @Test
    void unknownSkuIsUnprocessable() {
        var api = ApiSession.newVendor("stocku");
        var response = api.send("POST", "/stock/adjustments", "application/json", batch(line("NOPE", 1)));
        assertEquals(422, response.statusCode(), response.body());
    }

    @Test
    void stockNeverGoesNegativeUnderTwentyConcurrentAdjusters() throws Exception {
        var api = ApiSession.newVendor("race");
        TestData.product(api.vendorId, "HOT", "Hot item", "1.00"); // stock 10
        var pool = Executors.newFixedThreadPool(20);
        List<Callable<Integer>> takers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            takers.add(() -> api.send("POST", "/stock/adjustments", "application/json", batch(line("HOT", -1))).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (var future : pool.invokeAll(takers)) {
            statuses.add(future.get());
        }
        pool.shutdown();

        assertEquals(10, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(10, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals("0", stock(api.vendorId, "HOT"));
        assertTrue(Integer.parseInt(TestData.queryString(
                "SELECT count(*) FROM stock_movements m JOIN products p ON p.id = m.product_id WHERE p.vendor_id = ?", api.vendorId)) == 10);
    }
}
