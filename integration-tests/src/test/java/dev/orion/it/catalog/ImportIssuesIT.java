package dev.orion.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issues like Google Merchant Center's: an import's report grouped by stable codes, and each product's open issues. */
@ExtendWith(ArquillianExtension.class)
class ImportIssuesIT extends OrionDeployment {

    private static final String TSV = "text/tab-separated-values";
    private static final String GOOD_GTIN = "4006381333931";
    private static final String BAD_GTIN = "4006381333932";

    @Test
    void anImportsIssuesAreGroupedByCodeWithCountsExplanationsAndThreeExamples() {
        var vendor = ApiSession.newVendor("iss");
        String feed = "id\ttitle\tprice\tavailability\tgtin\n"
                + "G-1\tOne\t1.00 EUR\tin_stock\t" + BAD_GTIN + "\n"        // line 2
                + "G-2\tTwo\t1.00 EUR\tin_stock\t3.65275E+11\n"              // 3
                + "G-3\tThree\t1.00 EUR\tin_stock\t123\n"                    // 4
                + "G-4\tFour\t1.00 EUR\tin_stock\t" + BAD_GTIN + "\n"        // 5
                + "M-1\tNo price\t\tin_stock\t\n"                            // 6
                + "M-2\tNo price\t\tin_stock\t\n"                            // 7
                + "F-1\tFree\tfree\tin_stock\t\n"                            // 8
                + "A-1\tSometimes\t1.00 EUR\tsometimes\t\n"                  // 9
                + "L-1\t" + "x".repeat(501) + "\t1.00 EUR\tin_stock\t\n";   // 10

        JsonObject done = ImportDryRunIT.awaitEnd(vendor, vendor.post("/imports", TSV, bytes(feed)).headers().firstValue("Location").orElseThrow());
        long id = done.getJsonNumber("id").longValue();

        JsonObject summary = Http.json(vendor.get("/imports/" + id + "/issues/summary"));
        assertEquals(5, summary.getInt("rejected"), summary.toString());
        assertEquals(4, summary.getInt("warnings"));
        JsonArray groups = summary.getJsonArray("groups");
        assertEquals(List.of("invalid_gtin", "missing_price", "price_format", "too_long", "unknown_availability"),
                groups.stream().map(g -> g.asJsonObject().getString("code")).toList(), "largest first, then by code");
        JsonObject gtin = groups.getJsonObject(0);
        assertEquals("gtin", gtin.getString("attribute"));
        assertEquals("warning", gtin.getString("severity"));
        assertEquals(4, gtin.getInt("count"));
        assertTrue(gtin.getString("explanation").contains("GTIN"), gtin.toString());
        assertEquals(List.of(2, 3, 4), gtin.getJsonArray("examples").stream().map(e -> e.asJsonObject().getInt("line")).toList(),
                "three example lines");
        JsonObject missing = groups.getJsonObject(1);
        assertEquals("price|rejected|2", missing.getString("attribute") + "|" + missing.getString("severity") + "|" + missing.getInt("count"));
        assertEquals("title", groups.getJsonObject(3).getString("attribute"));
        assertEquals(404, ApiSession.newVendor("iss-other").get("/imports/" + id + "/issues/summary").statusCode(),
                "another vendor's import is not found");
    }

    @Test
    void aProductsOpenIssuesComeFromItsLatestImportAndGoWhenALaterImportFixesThem() {
        var vendor = ApiSession.newVendor("piss");
        String first = "id\ttitle\tprice\tavailability\tgtin\n"
                + "G-1\tOne\t1.00 EUR\tin_stock\t" + BAD_GTIN + "\n"
                + "G-2\tTwo\t2.00 EUR\tin_stock\t" + BAD_GTIN + "\n"
                + "M-1\tNo price yet\t\tin_stock\t\n"
                + "C-1\tClean\t3.00 EUR\tin_stock\t" + GOOD_GTIN + "\n";
        long firstId = ImportDryRunIT.awaitEnd(vendor, vendor.post("/imports", TSV, bytes(first)).headers().firstValue("Location").orElseThrow())
                .getJsonNumber("id").longValue();

        JsonArray g1 = issues(vendor, "G-1");
        assertEquals(1, g1.size(), g1.toString());
        assertEquals("invalid_gtin|warning|gtin|" + firstId + "|2", g1.getJsonObject(0).getString("code") + "|"
                + g1.getJsonObject(0).getString("severity") + "|" + g1.getJsonObject(0).getString("attribute") + "|"
                + g1.getJsonObject(0).getJsonNumber("import_id") + "|" + g1.getJsonObject(0).getInt("line"));
        assertEquals("missing_price", issues(vendor, "M-1").getJsonObject(0).getString("code"), "a rejected row's product is not in the catalogue, its issue is listed");
        assertEquals(0, issues(vendor, "C-1").size());
        assertEquals(404, vendor.get("/products/NOPE-1/issues").statusCode());

        // a dry run that would fix G-2 changes no open issue
        ImportDryRunIT.awaitEnd(vendor, vendor.post("/imports?dry_run=true", TSV,
                bytes("id\ttitle\tprice\tavailability\tgtin\nG-2\tTwo\t2.00 EUR\tin_stock\t" + GOOD_GTIN + "\n")).headers().firstValue("Location").orElseThrow());
        assertEquals(1, issues(vendor, "G-2").size());

        String second = "id\ttitle\tprice\tavailability\tgtin\n"
                + "G-1\tOne\t1.00 EUR\tin_stock\t" + GOOD_GTIN + "\n"
                + "M-1\tNo price yet\t9.00 EUR\tin_stock\t\n"
                + "C-1\tClean\tfree\tin_stock\t" + GOOD_GTIN + "\n";
        long secondId = ImportDryRunIT.awaitEnd(vendor, vendor.post("/imports", TSV, bytes(second)).headers().firstValue("Location").orElseThrow())
                .getJsonNumber("id").longValue();

        assertEquals(0, issues(vendor, "G-1").size(), "fixed by the later import");
        assertEquals(0, issues(vendor, "M-1").size(), "fixed by the later import");
        assertEquals("invalid_gtin", issues(vendor, "G-2").getJsonObject(0).getString("code"), "not in the later feed: still open");
        JsonArray c1 = issues(vendor, "C-1");
        assertEquals("price_format|" + secondId, c1.getJsonObject(0).getString("code") + "|" + c1.getJsonObject(0).getJsonNumber("import_id"),
                "broken by the later import");
    }

    private static JsonArray issues(ApiSession vendor, String sku) {
        var response = vendor.get("/products/" + sku + "/issues");
        assertEquals(200, response.statusCode(), sku + ": " + response.body());
        return Http.json(response).getJsonArray("issues");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
