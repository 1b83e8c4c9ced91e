package dev.orion.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class ProductsApiIT extends OrionDeployment {

    private static final String JSON = "application/json";
    private static final String LAMP = "{\"title\":\"Brass Lamp\",\"price\":\"49.90\",\"currency\":\"EUR\",\"stock\":5,"
            + "\"availability\":\"in_stock\",\"brand\":\"Alder\",\"description\":\"A warm desk lamp\"}";

    @Test
    void putCreatesThenReplacesWithETagsAndIfMatch() {
        var api = ApiSession.newVendor("put");

        var created = api.send("PUT", "/products/LAMP-1", JSON, LAMP);
        assertEquals(201, created.statusCode(), created.body());
        String etag = created.headers().firstValue("ETag").orElseThrow();
        assertEquals("49.90", Http.json(created).getString("price"));

        var stale = api.send("PUT", "/products/LAMP-1", JSON, LAMP.replace("49.90", "39.90"), "If-Match", "\"0.999\"");
        assertEquals(412, stale.statusCode());
        assertEquals("application/problem+json", ApiSession.contentType(stale));

        var replaced = api.send("PUT", "/products/LAMP-1", JSON, LAMP.replace("49.90", "39.90"), "If-Match", etag);
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertNotEquals(etag, replaced.headers().firstValue("ETag").orElseThrow());
        assertEquals("39.90", TestData.queryString("SELECT price_amount FROM products WHERE vendor_id = ? AND sku = 'LAMP-1'", api.vendorId));
    }

    @Test
    void getAnswers304ForAMatchingIfNoneMatch() {
        var api = ApiSession.newVendor("etag");
        api.send("PUT", "/products/MUG-1", JSON, LAMP);
        var first = api.get("/products/MUG-1");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        assertEquals(304, api.get("/products/MUG-1", "If-None-Match", etag).statusCode());
        api.send("PATCH", "/products/MUG-1", "application/merge-patch+json", "{\"stock\":9}");
        assertEquals(200, api.get("/products/MUG-1", "If-None-Match", etag).statusCode());
    }

    @Test
    void mergePatchChangesOnlyNamedFieldsAndNullClears() {
        var api = ApiSession.newVendor("patch");
        api.send("PUT", "/products/LAMP-2", JSON, LAMP);

        var patched = api.send("PATCH", "/products/LAMP-2", "application/merge-patch+json", "{\"stock\":12,\"brand\":null}");

        assertEquals(200, patched.statusCode(), patched.body());
        JsonObject product = Http.json(patched);
        assertEquals(12, product.getInt("stock"));
        assertFalse(product.containsKey("brand"));
        assertEquals("Brass Lamp", product.getString("title"));
        assertEquals("49.90", product.getString("price"));
    }

    @Test
    void invalidFieldsAreReportedPerField() {
        var api = ApiSession.newVendor("bad");

        var response = api.send("PUT", "/products/X-1", JSON, "{\"title\":\"\",\"price\":\"12,50\",\"currency\":\"euro\"}");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", ApiSession.contentType(response));
        var fields = Http.json(response).getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).collect(java.util.stream.Collectors.toSet());
        assertEquals(Set.of("title", "price", "currency"), fields);
        assertEquals(null, TestData.queryString("SELECT sku FROM products WHERE vendor_id = ?", api.vendorId));
    }

    @Test
    void deleteRemovesTheProduct() {
        var api = ApiSession.newVendor("del");
        api.send("PUT", "/products/GONE-1", JSON, LAMP);

        assertEquals(204, api.send("DELETE", "/products/GONE-1", null, null).statusCode());
        assertEquals(404, api.get("/products/GONE-1").statusCode());
        assertEquals(404, api.send("DELETE", "/products/GONE-1", null, null).statusCode());
        api.send("PATCH", "/products/GONE-2", "application/merge-patch+json", "{\"stock\":1}");
        api.send("PUT", "/products/GONE-2", JSON, LAMP);
        api.send("PATCH", "/products/GONE-2", "application/merge-patch+json", "{\"stock\":12,\"brand\":null}");
        assertEquals("product.create GONE-1 -|product.delete GONE-1 -|product.create GONE-2 -|product.patch GONE-2 [stock, brand]",
                TestData.queryString("SELECT string_agg(action || ' ' || entity_id || ' ' || coalesce(details, '-'), '|' ORDER BY id)"
                        + " FROM audit_log WHERE vendor_id = ? AND actor = ? AND actor_type = 'api-client'", api.vendorId, api.clientId),
                "each change audited once, by the catalogue, for the API client; a refused one not at all");
    }

    @Test
    void filtersByFullTextBrandAndAvailability() {
        var api = ApiSession.newVendor("find");
        api.send("PUT", "/products/A-1", JSON, LAMP);
        api.send("PUT", "/products/A-2", JSON, LAMP.replace("Brass Lamp", "Enamel Mug").replace("desk lamp", "camp mug")
                .replace("Alder", "Birch").replace("in_stock", "out_of_stock"));

        assertEquals(List.of("A-2"), skus(api.get("/products?q=mug")));
        assertEquals(List.of("A-1"), skus(api.get("/products?brand=Alder")));
        assertEquals(List.of("A-1"), skus(api.get("/products?brand=alder")), "the whole brand in any case, as in the console");
        assertEquals(List.of(), skus(api.get("/products?brand=Ald")), "a brand is matched whole, not as a part");
        assertEquals(List.of("A-2"), skus(api.get("/products?q=enam")), "every word as a prefix, as in the console");
        assertEquals(List.of("A-2"), skus(api.get("/products?availability=out_of_stock")));
        assertEquals(400, api.get("/products?availability=sometimes").statusCode());
    }

    @Test
    void searchPagesFindCommonAndRareWordsAlikeWhicheverPlanAnswers() {
        // with limit=1 a page tests at most 400 rows by walking the catalogue, then lets the index find the matches
        var api = ApiSession.newVendor("words");
        TestData.execute("INSERT INTO products (vendor_id, sku, title, price_amount, price_currency, stock)"
                + " SELECT ?, 'W-' || lpad(i::text, 4, '0'), CASE WHEN i = 449 THEN 'Teapot' WHEN i % 3 = 0 THEN 'Kettle'"
                + " ELSE 'Spoon' END || ' ' || i, 1.00, 'EUR', 1 FROM generate_series(0, 449) i ORDER BY i", api.vendorId);

        assertEquals(List.of("W-0449"), skus(api.get("/products?q=teapot&limit=1")), "a rare word past the walk's bound");
        assertEquals(List.of(), skus(api.get("/products?q=saucer&limit=1")));
        List<String> kettles = new java.util.ArrayList<>();
        String path = "/products?q=kettle&limit=40";
        while (path != null) {
            var response = api.get(path);
            assertEquals(200, response.statusCode(), response.body());
            kettles.addAll(skus(response));
            JsonObject page = Http.json(response);
            path = page.getBoolean("has_more") ? "/products?q=kettle&limit=40&cursor=" + page.getString("next_cursor") : null;
        }
        assertEquals(java.util.stream.IntStream.range(0, 450).filter(i -> i % 3 == 0)
                .mapToObj(i -> "W-" + String.format("%04d", i)).toList(), kettles, "every match once, in id order");
    }

    @Test
    void paginationOverConcurrentInsertsHasNoDuplicatesAndNoGaps() throws Exception {
        var api = ApiSession.newVendor("page");
        for (int i = 0; i < 1000; i++) {
            TestData.product(api.vendorId, "P-" + String.format("%04d", i), "Product " + i, "1.00");
        }
        var pool = Executors.newSingleThreadExecutor();
        Future<?> inserts = pool.submit(() -> {
            for (int i = 0; i < 200; i++) {
                TestData.product(api.vendorId, "NEW-" + i, "New " + i, "1.00");
            }
        });
        Set<String> seen = new HashSet<>();
        int pages = 0;
        String path = "/products?limit=100";
        while (path != null) {
            var response = api.get(path);
            assertEquals(200, response.statusCode(), response.body());
            for (String sku : skus(response)) {
                assertTrue(seen.add(sku), "duplicate " + sku);
            }
            JsonObject page = Http.json(response);
            path = page.getBoolean("has_more") ? "/products?limit=100&cursor=" + page.getString("next_cursor") : null;
            pages++;
        }
        inserts.get();
        pool.shutdown();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.contains("P-" + String.format("%04d", i)), "missing P-" + i);
        }
        assertTrue(pages >= 10);
    }

    private static List<String> skus(java.net.http.HttpResponse<String> response) {
        return Http.json(response).getJsonArray("data").stream().map(v -> v.asJsonObject().getString("sku")).toList();
    }
}
