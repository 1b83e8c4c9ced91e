package dev.orion.it.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cancelling an order puts back the stock that placing it reserved, once, recorded as a stock movement. */
@ExtendWith(ArquillianExtension.class)
class CancelReturnsStockIT extends OrionDeployment {

    @Test
    void cancellingAnOrderReturnsItsStockOnceWithAMovement() {
        var api = ApiSession.newVendor("cancel");
        long lamp = TestData.product(api.vendorId, "LAMP", "Lamp", "19.90"); // stock 10
        long mug = TestData.product(api.vendorId, "MUG", "Mug", "4.50");
        var placed = api.send("POST", "/orders", "application/json", "{\"currency\":\"EUR\",\"customer\":{\"email\":\"ada@example.com\"},"
                + "\"lines\":[{\"sku\":\"LAMP\",\"quantity\":2},{\"sku\":\"MUG\",\"quantity\":3},{\"sku\":\"LAMP\",\"quantity\":1}]}");
        assertEquals(201, placed.statusCode(), placed.body());
        long orderId = Http.json(placed).getJsonNumber("id").longValue();
        assertEquals("7", stock(lamp));
        assertEquals("7", stock(mug));

        var cancelled = api.send("POST", "/orders/" + orderId + "/transitions", "application/json", "{\"to\":\"CANCELLED\"}");
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("10", stock(lamp));
        assertEquals("10", stock(mug));
        assertEquals("3:10", movement(lamp, orderId));
        assertEquals("3:10", movement(mug, orderId));

        var again = api.send("POST", "/orders/" + orderId + "/transitions", "application/json", "{\"to\":\"CANCELLED\"}");
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("10", stock(lamp));
        assertEquals("10", stock(mug));
        assertEquals("1", TestData.queryString("SELECT count(*) FROM stock_movements WHERE product_id = ? AND delta > 0", lamp));
    }

    @Test
    void cancellingAConfirmedOrderReturnsItsStockToo() {
        var api = ApiSession.newVendor("cancel");
        long lamp = TestData.product(api.vendorId, "LAMP", "Lamp", "19.90");
        var placed = api.send("POST", "/orders", "application/json", "{\"currency\":\"EUR\",\"customer\":{\"email\":\"bob@example.com\"},"
                + "\"lines\":[{\"sku\":\"LAMP\",\"quantity\":4}]}");
        long orderId = Http.json(placed).getJsonNumber("id").longValue();
        assertEquals(200, api.send("POST", "/orders/" + orderId + "/transitions", "application/json", "{\"to\":\"CONFIRMED\"}").statusCode());
        assertEquals("6", stock(lamp));

        assertEquals(200, api.send("POST", "/orders/" + orderId + "/transitions", "application/json", "{\"to\":\"CANCELLED\"}").statusCode());

        assertEquals("10", stock(lamp));
        assertEquals("4:10", movement(lamp, orderId));
    }

    @Test
    void cancellingAnOversoldMarketplaceOrderGivesBackOnlyWhatItTook() {
        var api = ApiSession.newVendor("cancel");
        long mug = TestData.product(api.vendorId, "MUG", "Mug", "4.50"); // stock 10, the marketplace sold 12
        String feed = "{\"external_id\":\"MKT-1\",\"placed_at\":\"2026-11-20T10:15:00+01:00\",\"currency\":\"EUR\","
                + "\"customer\":{\"email\":\"eve@example.com\",\"name\":\"Eve\",\"locale\":\"en\"},"
                + "\"lines\":[{\"sku\":\"MUG\",\"quantity\":12,\"unit_price\":\"4.50\"}]}\n";
        var accepted = api.post("/order-imports", "application/x-ndjson", feed.getBytes(StandardCharsets.UTF_8));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String path = ApiSession.path(accepted.headers().firstValue("Location").orElseThrow());
        Poll.until(Duration.ofSeconds(60), () -> Http.json(api.get(path)), JobStatus::ended);
        assertEquals("0", stock(mug), "oversold: stock stopped at zero, 10 taken");
        String orderId = TestData.queryString("SELECT id FROM orders WHERE vendor_id = ? AND external_id = 'MKT-1'", api.vendorId);

        var cancelled = api.send("POST", "/orders/" + orderId + "/transitions", "application/json", "{\"to\":\"CANCELLED\"}");

        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("10", stock(mug), "the 10 it took come back, not the 12 it ordered");
        assertEquals("10:10", movement(mug, Long.parseLong(orderId)));
    }

    private static String stock(long productId) {
        return TestData.queryString("SELECT stock FROM products WHERE id = ?", productId);
    }

    /** "delta:stock_after" of the movement that names the order's cancellation. */
    private static String movement(long productId, long orderId) {
        return TestData.queryString("SELECT delta || ':' || stock_after FROM stock_movements WHERE product_id = ? AND reason = ?",
                productId, "order " + orderId + " cancelled");
    }
}
