package dev.orion.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reverting a product import: the catalogue as before it, but never over a change someone made since. */
@ExtendWith(ArquillianExtension.class)
class ImportRevertIT extends OrionDeployment {

    private static final String TSV = "text/tab-separated-values";
    private static final String IMPORT_A = "id\ttitle\tprice\tavailability\n"
            + "P-1\tOne\t1.00 EUR\tin_stock\nP-2\tTwo\t2.00 EUR\tin_stock\nP-3\tThree\t3.00 EUR\tpreorder\n"
            + "P-4\tFour\t4.00 EUR\tin_stock\nP-5\tFive\t5.00 EUR\tin_stock\n";
    /** Full mode: P-1 unchanged, P-2 repriced, P-3 renamed and in stock, P-4 repriced, N-1 new, P-5 absent (made unavailable). */
    private static final String IMPORT_B = "id\ttitle\tprice\tavailability\n"
            + "P-1\tOne\t1.00 EUR\tin_stock\nP-2\tTwo\t2.50 EUR\tin_stock\nP-3\tThree, renamed\t3.00 EUR\tin_stock\n"
            + "P-4\tFour\t4.40 EUR\tin_stock\nN-1\tNew one\t7.00 EUR\tin_stock\n";

    @Test
    void revertingAnImportRestoresTheCatalogueAsBeforeItButLeavesAProductChangedSinceAndOnlyOnce() {
        var vendor = ApiSession.newVendor("revert");
        assertEquals("COMPLETED", ImportDryRunIT.awaitEnd(vendor, location(vendor.post("/imports", TSV, bytes(IMPORT_A)))).getString("status"));
        assertEquals(200, vendor.send("PATCH", "/products/P-1", "application/merge-patch+json", "{\"stock\":7}").statusCode());
        String afterA = products(vendor.vendorId);

        JsonObject b = ImportDryRunIT.awaitEnd(vendor, location(vendor.post("/imports?mode=full", TSV, bytes(IMPORT_B))));
        assertEquals("COMPLETED", b.getString("status"), b.toString());
        long bId = b.getJsonNumber("id").longValue();
        assertEquals(String.join("\n",
                "N-1|New one|7.00|0|in_stock",
                "P-1|One|1.00|7|in_stock",
                "P-2|Two|2.50|0|in_stock",
                "P-3|Three, renamed|3.00|0|in_stock",
                "P-4|Four|4.40|0|in_stock",
                "P-5|Five|5.00|0|out_of_stock"), products(vendor.vendorId));
        var edited = vendor.send("PATCH", "/products/P-4", "application/merge-patch+json", "{\"title\":\"Four, edited after B\"}");
        assertEquals(200, edited.statusCode(), edited.body());

        assertEquals(404, ApiSession.newVendor("revert-other").post("/imports/" + bId + "/revert", "application/json", new byte[0]).statusCode(),
                "another vendor's import is not found");
        var reverted = vendor.post("/imports/" + bId + "/revert", "application/json", new byte[0]);
        assertEquals(200, reverted.statusCode(), reverted.body());
        JsonObject result = Http.json(reverted);
        assertEquals("3|1|0|1|[\"P-4\"]", result.getInt("restored") + "|" + result.getInt("removed") + "|" + result.getInt("unavailable")
                + "|" + result.getInt("conflicts") + "|" + result.getJsonArray("conflict_skus"), result.toString());
        assertEquals(afterA.replace("P-4|Four|4.00|", "P-4|Four, edited after B|4.40|"), products(vendor.vendorId),
                "every product as after A, N-1 gone, but P-4, edited since B, as it was edited");
        assertEquals("import.revert|" + bId, TestData.queryString("SELECT string_agg(action || '|' || entity_id, ',') FROM audit_log"
                + " WHERE vendor_id = ? AND action = 'import.revert'", vendor.vendorId));

        var again = vendor.post("/imports/" + bId + "/revert", "application/json", new byte[0]);
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("application/problem+json", ApiSession.contentType(again));
        assertTrue(again.body().contains("already reverted"), again.body());

        JsonObject dry = ImportDryRunIT.awaitEnd(vendor, location(vendor.post("/imports?dry_run=true", TSV, bytes(IMPORT_B))));
        assertEquals("COMPLETED", dry.getString("status"), dry.toString());
        var dryRevert = vendor.post("/imports/" + dry.getJsonNumber("id") + "/revert", "application/json", new byte[0]);
        assertEquals(409, dryRevert.statusCode(), dryRevert.body());
        assertTrue(dryRevert.body().contains("dry run"), dryRevert.body());
    }

    /**
     * A first import of 502 rows in the ITs' 500-row chunks: N-1 and N-2 are created by the first chunk and written
     * again by the second, N-2 is edited after the import. The revert removes every product the import created,
     * N-1 too (created, whatever a later chunk did), but not N-2, changed since.
     */
    @Test
    void aProductCreatedByOneChunkAndWrittenAgainByALaterOneIsRemovedUnlessChangedSince() {
        var vendor = ApiSession.newVendor("revert-chunks");
        var feed = new StringBuilder("id\ttitle\tprice\tavailability\n");
        feed.append("N-1\tNew one\t1.00 EUR\tin_stock\nN-2\tNew two\t2.00 EUR\tin_stock\n");
        for (int i = 1; i <= 498; i++) {
            feed.append("F-").append(i).append("\tFiller ").append(i).append("\t1.00 EUR\tin_stock\n");
        }
        feed.append("N-1\tNew one\t1.50 EUR\tin_stock\nN-2\tNew two\t2.50 EUR\tpreorder\n");
        JsonObject done = ImportDryRunIT.awaitEnd(vendor, location(vendor.post("/imports", TSV, bytes(feed.toString()))));
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("500|1.50|2.50", TestData.queryString("SELECT count(*) || '|' || max(price_amount) FILTER (WHERE sku = 'N-1')"
                + " || '|' || max(price_amount) FILTER (WHERE sku = 'N-2') FROM products WHERE vendor_id = ?", vendor.vendorId));
        var edited = vendor.send("PATCH", "/products/N-2", "application/merge-patch+json", "{\"stock\":3}");
        assertEquals(200, edited.statusCode(), edited.body());

        var reverted = vendor.post("/imports/" + done.getJsonNumber("id") + "/revert", "application/json", new byte[0]);
        assertEquals(200, reverted.statusCode(), reverted.body());
        JsonObject result = Http.json(reverted);
        assertEquals("0|499|0|1|[\"N-2\"]", result.getInt("restored") + "|" + result.getInt("removed") + "|" + result.getInt("unavailable")
                + "|" + result.getInt("conflicts") + "|" + result.getJsonArray("conflict_skus"), result.toString());
        assertEquals("N-2|New two|2.50|3|preorder", products(vendor.vendorId), "only the product changed since is left, as it was changed");
        assertEquals("0|0", TestData.queryString("SELECT (SELECT count(*) FROM import_revert_rows r JOIN import_revert_data d"
                + " USING (job_instance_id) WHERE d.vendor_id = ?) || '|' || (SELECT count(*) FROM import_revert_created c"
                + " JOIN import_revert_data d USING (job_instance_id) WHERE d.vendor_id = ?)", vendor.vendorId, vendor.vendorId),
                "the header keeps the result; the rows have served");
    }

    /** Every product of the vendor: SKU, title, price, stock and availability, in SKU order. */
    private static String products(long vendorId) {
        return TestData.queryString("SELECT string_agg(concat_ws('|', sku, title, price_amount, stock, availability), E'\\n' ORDER BY sku)"
                + " FROM products WHERE vendor_id = ?", vendorId);
    }

    private static String location(HttpResponse<String> response) {
        assertEquals(202, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
