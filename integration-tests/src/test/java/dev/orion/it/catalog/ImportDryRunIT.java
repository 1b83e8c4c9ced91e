package dev.orion.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Dry runs of product feeds: exact counts of what would change, nothing written, then Apply imports the same file. */
@ExtendWith(ArquillianExtension.class)
class ImportDryRunIT extends OrionDeployment {

    private static final String TSV = "text/tab-separated-values";
    private static final String CATALOGUE = "id\ttitle\tprice\tavailability\n"
            + "P-1\tOne\t1.00 EUR\tin_stock\nP-2\tTwo\t2.00 EUR\tin_stock\nP-3\tThree\t3.00 EUR\tin_stock\n"
            + "P-4\tFour\t4.00 EUR\tin_stock\nP-5\tFive\t5.00 EUR\tin_stock\n";
    /** 2 new (N-1, N-2), 3 changed (P-2 price, P-3 title, P-4 availability and price), 1 unchanged (P-1), 1 bad row. */
    private static final String FEED = "id\ttitle\tprice\tavailability\n"
            + "P-1\tOne\t1.00 EUR\tin_stock\n"
            + "P-2\tTwo\t2.50 EUR\tin_stock\n"
            + "P-3\tThree, renamed\t3.00 EUR\tin_stock\n"
            + "P-4\tFour\t4.40 EUR\tpreorder\n"
            + "N-1\tNew one\t7.00 EUR\tin_stock\n"
            + "BAD-1\tBroken\tfree\tin_stock\n"
            + "N-2\tNew two\t8.00 EUR\tbackorder\n";

    @Test
    void aDryRunCountsExactlyWhatWouldChangeWritesNothingAndApplyMakesExactlyThoseChanges() {
        var vendor = ApiSession.newVendor("dry");
        awaitEnd(vendor, vendor.post("/imports", TSV, bytes(CATALOGUE)).headers().firstValue("Location").orElseThrow());
        String before = products(vendor.vendorId);

        var accepted = vendor.post("/imports?dry_run=true", TSV, bytes(FEED));
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonObject dry = awaitEnd(vendor, accepted.headers().firstValue("Location").orElseThrow());
        assertEquals("COMPLETED", dry.getString("status"), dry.toString());
        long dryId = dry.getJsonNumber("id").longValue();
        assertTrue(dry.getBoolean("dry_run"), dry.toString());
        assertEquals("/imports/" + dryId + "/preview", ApiSession.path(dry.getString("preview_url")));

        JsonObject preview = Http.json(vendor.get("/imports/" + dryId + "/preview"));
        assertEquals(2, preview.getInt("created"), preview.toString());
        assertEquals(3, preview.getInt("changed"));
        assertEquals(1, preview.getInt("unchanged"));
        assertEquals(1, preview.getInt("rejected"));
        assertTrue(!preview.containsKey("unavailable"), "an update import makes nothing unavailable");
        JsonObject fields = preview.getJsonObject("changed_fields");
        assertEquals(2, fields.getInt("price"));
        assertEquals(1, fields.getInt("title"));
        assertEquals(1, fields.getInt("availability"));
        assertEquals(0, fields.getInt("description") + fields.getInt("brand") + fields.getInt("gtin") + fields.getInt("stock")
                + fields.getInt("images"));
        assertEquals(before, products(vendor.vendorId), "no product was created or written: every version as it was");

        var changes = preview.getJsonArray("changes");
        assertEquals(5, changes.size(), changes.toString());
        JsonObject p4 = changes.stream().map(JsonObject.class::cast).filter(c -> c.getString("sku").equals("P-4")).findFirst().orElseThrow();
        assertEquals("changed", p4.getString("kind"));
        JsonObject p4Fields = p4.getJsonObject("fields");
        assertEquals(2, p4Fields.size(), "only what changes: " + p4Fields);
        assertEquals("in_stock > preorder", p4Fields.getJsonObject("availability").getString("before") + " > "
                + p4Fields.getJsonObject("availability").getString("after"));
        assertEquals("4.00 EUR > 4.40 EUR", p4Fields.getJsonObject("price").getString("before") + " > "
                + p4Fields.getJsonObject("price").getString("after"));
        JsonObject n1 = changes.stream().map(JsonObject.class::cast).filter(c -> c.getString("sku").equals("N-1")).findFirst().orElseThrow();
        assertEquals("created", n1.getString("kind"));
        assertEquals("7.00 EUR", n1.getJsonObject("fields").getJsonObject("price").getString("after"));
        JsonObject reject = preview.getJsonArray("issues").getJsonObject(0);
        assertEquals("price_format", reject.getString("code"));
        assertEquals(7, reject.getInt("line"));
        assertEquals("0", TestData.queryString("SELECT count(*) FROM import_issues WHERE vendor_id = ? AND sku IS NOT NULL",
                vendor.vendorId), "a dry run's issues are no product's open issues");

        var applied = vendor.post("/imports/" + dryId + "/apply", "application/json", new byte[0]);
        assertEquals(202, applied.statusCode(), applied.body());
        JsonObject real = awaitEnd(vendor, applied.headers().firstValue("Location").orElseThrow());
        assertEquals("COMPLETED", real.getString("status"), real.toString());
        assertEquals(1, real.getInt("rows_skipped"));
        assertTrue(!real.containsKey("dry_run") && !real.containsKey("preview_url"), "the applied import is a real one: " + real);
        assertEquals(String.join("\n",
                "N-1|New one|7.00|in_stock|0",
                "N-2|New two|8.00|backorder|0",
                "P-1|One|1.00|in_stock|0",
                "P-2|Two|2.50|in_stock|1",
                "P-3|Three, renamed|3.00|in_stock|1",
                "P-4|Four|4.40|preorder|1",
                "P-5|Five|5.00|in_stock|0"), products(vendor.vendorId), "exactly the changes the dry run showed");
        assertEquals(real.getJsonNumber("id").longValue(), Http.json(vendor.get("/imports/" + dryId + "/preview"))
                .getJsonNumber("applied_import_id").longValue());
        assertEquals("import.dry-run|" + dryId + ",import.apply|" + real.getJsonNumber("id") + "|dry run " + dryId,
                TestData.queryString("SELECT string_agg(action || '|' || entity_id || CASE WHEN action = 'import.apply'"
                        + " THEN '|' || details ELSE '' END, ',' ORDER BY id) FROM audit_log WHERE vendor_id = ?"
                        + " AND action IN ('import.dry-run', 'import.apply')", vendor.vendorId));

        var again = vendor.post("/imports/" + dryId + "/apply", "application/json", new byte[0]);
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("already applied by import " + real.getJsonNumber("id")), again.body());
        var notDry = vendor.post("/imports/" + real.getJsonNumber("id") + "/apply", "application/json", new byte[0]);
        assertEquals(409, notDry.statusCode(), notDry.body());
        assertEquals("application/problem+json", ApiSession.contentType(notDry));
        assertEquals(404, vendor.get("/imports/" + real.getJsonNumber("id") + "/preview").statusCode(), "not a dry run");
        assertEquals(404, ApiSession.newVendor("dry-other").post("/imports/" + dryId + "/apply", "application/json", new byte[0]).statusCode(),
                "another vendor's dry run is not found");
    }

    @Test
    void aFullDryRunCountsWhatWouldBecomeUnavailableAndMarksNothing() {
        var vendor = ApiSession.newVendor("dryfull");
        awaitEnd(vendor, vendor.post("/imports", TSV, bytes(CATALOGUE)).headers().firstValue("Location").orElseThrow());
        TestData.execute("UPDATE products SET availability = 'out_of_stock' WHERE vendor_id = ? AND sku = 'P-5'", vendor.vendorId);
        String before = products(vendor.vendorId);

        JsonObject dry = awaitEnd(vendor, vendor.post("/imports?dry_run=true&mode=full", TSV,
                bytes("id\ttitle\tprice\tavailability\nP-1\tOne\t1.00 EUR\tin_stock\n")).headers().firstValue("Location").orElseThrow());

        assertEquals("COMPLETED", dry.getString("status"), dry.toString());
        JsonObject preview = Http.json(vendor.get("/imports/" + dry.getJsonNumber("id") + "/preview"));
        assertEquals(3, preview.getInt("unavailable"), "P-2, P-3 and P-4; P-5 already is: " + preview);
        assertEquals(1, preview.getInt("unchanged"));
        assertEquals("full", preview.getString("mode"));
        assertEquals(before, products(vendor.vendorId));
        assertEquals("0", TestData.queryString("SELECT count(*) FROM import_seen_skus WHERE job_instance_id ="
                + " (SELECT jobinstanceid FROM job_execution WHERE jobexecutionid = ?)", dry.getJsonNumber("id").longValue()));
    }

    /** Every product of the vendor: SKU, title, price, availability and version, in SKU order. */
    private static String products(long vendorId) {
        return TestData.queryString("SELECT string_agg(sku || '|' || title || '|' || price_amount || '|' || availability || '|' || version,"
                + " E'\\n' ORDER BY sku) FROM products WHERE vendor_id = ?", vendorId);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static JsonObject awaitEnd(ApiSession session, String location) {
        return Poll.until(Duration.ofSeconds(60), () -> Http.json(session.get(ApiSession.path(location))), JobStatus::ended);
    }
}
