package dev.orion.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.JobStatus;
import dev.orion.it.support.InjectedFailure;
import dev.orion.it.support.ApiClients;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.CommitModeProbe;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
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
                JobStatus::ended);
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(4, done.getInt("rows_read"));
        assertEquals(3, done.getInt("rows_written"));
        assertEquals(1, done.getInt("rows_skipped"));
        assertEquals("129.00", TestData.queryString("SELECT price_amount FROM products WHERE vendor_id = ? AND sku = 'TENT-1'", vendorId));
        assertEquals("out_of_stock", TestData.queryString("SELECT availability FROM products WHERE vendor_id = ? AND sku = 'MUG-1'", vendorId));
        assertEquals(null, TestData.queryString("SELECT sku FROM products WHERE vendor_id = ? AND sku = 'BAD-1'", vendorId));
    }

    @Test
    void anImportThatFailsMidwayRestartsFromItsCheckpointAndEndsWithExactlyTheFeedsRows() {
        var vendor = ApiSession.newVendor("pfail");
        var platform = ApiSession.newPlatform("pfail");
        var feed = new StringBuilder("id\ttitle\tprice\tavailability\n");
        for (int i = 1; i <= 1200; i++) {
            feed.append("SKU-").append(i).append("\tItem ").append(i).append("\t").append(i).append(".00 EUR\tin_stock\n");
        }
        JsonObject failed;
        try (var failure = new InjectedFailure("fail_product_import_" + vendor.vendorId, "products",
                "NEW.vendor_id = " + vendor.vendorId + " AND NEW.sku = 'SKU-700'")) {
            long id = Http.json(vendor.post("/imports", "text/tab-separated-values", feed.toString().getBytes(StandardCharsets.UTF_8)))
                    .getJsonNumber("id").longValue();
            failed = Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get("/imports/" + id)), JobStatus::ended);
        }
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        assertEquals("500", TestData.queryString("SELECT count(*) FROM products WHERE vendor_id = ?", vendor.vendorId),
                "the first chunk (500 rows) committed, the failed one left nothing");

        long restarted = Http.json(platform.send("POST", "/batch/executions/" + failed.getInt("id") + "/restart", null, null))
                .getJsonNumber("id").longValue();
        JsonObject done = Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get("/imports/" + failed.getInt("id"))),
                s -> s.getJsonNumber("execution_id").longValue() == restarted && JobStatus.ended(s));

        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(700, done.getInt("rows_read"), "resumed after the checkpoint, not from the first row");
        assertEquals("1200", TestData.queryString("SELECT count(*) FROM products WHERE vendor_id = ?", vendor.vendorId));
        assertEquals("700.00", TestData.queryString("SELECT price_amount FROM products WHERE vendor_id = ? AND sku = 'SKU-700'", vendor.vendorId));
    }

    /** The Shopify reader keeps no handle fields in its checkpoint: a restart inside a handle replays its first row. */
    @Test
    void aShopifyImportRestartedInsideAHandleStillKnowsTheHandlesFields() {
        var vendor = ApiSession.newVendor("shopfail");
        var platform = ApiSession.newPlatform("shopfail");
        var feed = new StringBuilder("Handle,Title,Vendor,Option1 Value,Variant SKU,Variant Price\n");
        for (int i = 1; i <= 499; i++) {
            feed.append("h-").append(i).append(",Item ").append(i).append(",Acme,Default Title,SKU-").append(i).append(",1.00\n");
        }
        feed.append("tee,Tee,Alder,Blue,TEE-B,19.90\n"); // the handle's first row is the last of the first chunk
        for (int i = 501; i <= 520; i++) {
            feed.append("tee,,,Colour ").append(i).append(",TEE-").append(i).append(",19.90\n");
        }
        JsonObject failed;
        try (var failure = new InjectedFailure("fail_shopify_import_" + vendor.vendorId, "products",
                "NEW.vendor_id = " + vendor.vendorId + " AND NEW.sku = 'TEE-510'")) {
            long id = Http.json(vendor.post("/imports", "text/plain", feed.toString().getBytes(StandardCharsets.UTF_8)))
                    .getJsonNumber("id").longValue();
            failed = Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get("/imports/" + id)), JobStatus::ended);
        }
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        assertEquals("500", TestData.queryString("SELECT count(*) FROM products WHERE vendor_id = ?", vendor.vendorId));

        long restarted = Http.json(platform.send("POST", "/batch/executions/" + failed.getInt("id") + "/restart", null, null))
                .getJsonNumber("id").longValue();
        JsonObject done = Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get("/imports/" + failed.getInt("id"))),
                s -> s.getJsonNumber("execution_id").longValue() == restarted && JobStatus.ended(s));

        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("520", TestData.queryString("SELECT count(*) FROM products WHERE vendor_id = ?", vendor.vendorId));
        assertEquals("Tee - Colour 501|Alder", TestData.queryString(
                "SELECT title || '|' || brand FROM products WHERE vendor_id = ? AND sku = 'TEE-501'", vendor.vendorId));
    }

    /**
     * A chunk's commit does not wait for the WAL flush (its checkpoint commits with it: CheckpointedChunkCommit),
     * a dry run's chunk neither; every other write does: an API write, and the dry run's last step (a batchlet).
     */
    @Test
    void onlyAChunkCommitsWithoutWaitingForTheWalFlush() {
        var vendor = ApiSession.newVendor("commitmode");
        String feed = "id\ttitle\tprice\tavailability\nC-1\tOne\t1.00 EUR\tin_stock\nC-2\tTwo\t2.00 EUR\tin_stock\n";
        try (var probe = new CommitModeProbe("commit_mode_" + vendor.vendorId, "NEW.vendor_id = " + vendor.vendorId,
                "products", "import_previews")) {
            assertEquals("COMPLETED", ImportDryRunIT.awaitEnd(vendor, vendor.post("/imports", "text/tab-separated-values",
                    feed.getBytes(StandardCharsets.UTF_8)).headers().firstValue("Location").orElseThrow()).getString("status"));
            assertEquals("COMPLETED", ImportDryRunIT.awaitEnd(vendor, vendor.post("/imports?dry_run=true", "text/tab-separated-values",
                    feed.replace("2.00 EUR", "2.50 EUR").getBytes(StandardCharsets.UTF_8)).headers().firstValue("Location").orElseThrow())
                    .getString("status"));
            var patched = vendor.send("PATCH", "/products/C-1", "application/merge-patch+json", "{\"title\":\"One, edited\"}");
            assertEquals(200, patched.statusCode(), patched.body());

            assertEquals(String.join("\n",
                    "products INSERT: off",
                    "products INSERT: off",
                    "import_previews INSERT: off",
                    "import_previews UPDATE: on",
                    "products UPDATE: on"), probe.entries());
        }
    }
}
