package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class IdempotencyIT extends OrionDeployment {

    private static final String TAKE_ONE = "{\"adjustments\":[{\"sku\":\"A\",\"delta\":-1,\"reason\":\"sale\"}]}";

    private static String stock(ApiSession api) {
        return TestData.queryString("SELECT stock FROM products WHERE vendor_id = ? AND sku = 'A'", api.vendorId);
    }

    private static ApiSession vendorWithProductA(String prefix) {
        var api = ApiSession.newVendor(prefix);
        TestData.product(api.vendorId, "A", "A", "1.00"); // stock 10
        return api;
    }

    @Test
    void aRetryGetsTheFirstAnswerBackAndChangesNothing() {
        var api = vendorWithProductA("idem");
        String key = UUID.randomUUID().toString();

        var first = api.send("POST", "/stock/adjustments", "application/json", TAKE_ONE, "Idempotency-Key", key);
        var retry = api.send("POST", "/stock/adjustments", "application/json", TAKE_ONE, "Idempotency-Key", key);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, retry.statusCode());
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(first.body(), retry.body());
        assertEquals("9", stock(api));
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        var api = vendorWithProductA("reuse");
        String key = UUID.randomUUID().toString();
        api.send("POST", "/stock/adjustments", "application/json", TAKE_ONE, "Idempotency-Key", key);

        var other = api.send("POST", "/stock/adjustments", "application/json", TAKE_ONE.replace("-1", "-2"), "Idempotency-Key", key);

        assertEquals(422, other.statusCode(), other.body());
        assertEquals("application/problem+json", ApiSession.contentType(other));
        assertEquals("9", stock(api));
    }

    @Test
    void concurrentDuplicatesRunOnce() throws Exception {
        var api = vendorWithProductA("dup");
        String key = UUID.randomUUID().toString();
        var pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> duplicates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            duplicates.add(() -> api.send("POST", "/stock/adjustments", "application/json", TAKE_ONE, "Idempotency-Key", key).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (var future : pool.invokeAll(duplicates)) {
            statuses.add(future.get());
        }
        pool.shutdown();

        assertEquals("9", stock(api), "applied exactly once: " + statuses);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
        assertTrue(statuses.contains(200), statuses.toString());
    }

    @Test
    void aRetriedImportUploadStartsOneJob() {
        var api = ApiSession.newVendor("upload");
        String key = UUID.randomUUID().toString();
        String feed = "id\ttitle\tprice\tavailability\nX-1\tThing\t1.00 EUR\tin_stock\n";

        var first = api.send("POST", "/imports", "text/tab-separated-values", feed, "Idempotency-Key", key);
        var retry = api.send("POST", "/imports", "text/tab-separated-values", feed, "Idempotency-Key", key);

        assertEquals(202, first.statusCode(), first.body());
        assertEquals(202, retry.statusCode());
        assertEquals(first.headers().firstValue("Location"), retry.headers().firstValue("Location"));
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
    }
}
