package dev.orion.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.JobStatus;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What real feeds look like: byte order marks, CRLF, quoted fields over several lines, gzip, broken barcodes. */
@ExtendWith(ArquillianExtension.class)
class FeedFormatsIT extends OrionDeployment {

    private static final String TSV = "text/tab-separated-values";
    private static final String FEED = "\uFEFFid\ttitle\tdescription\tprice\tavailability\tgtin\r\n"
            + "Q-1\t\"Mug, large\"\t\"Line one\r\nline two\twith a tab\"\t4.50 EUR\tin_stock\t\r\n"
            + "Q-2\tPlate\t\t3.00 EUR\tin_stock\t3.65275E+11\r\n"
            + "Q-3\tBowl\t\tcheap\tin_stock\t\r\n";

    @Test
    void bomCrlfAndQuotedMultiLineFieldsAreReadAndLinesReportedAsInTheFile() {
        var vendor = ApiSession.newVendor("bom");

        JsonObject done = importFeed(vendor, FEED.getBytes(StandardCharsets.UTF_8));

        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(2, done.getInt("rows_written"));
        assertEquals("Mug, large", TestData.queryString("SELECT title FROM products WHERE vendor_id = ? AND sku = 'Q-1'", vendor.vendorId));
        assertEquals("Line one\r\nline two\twith a tab",
                TestData.queryString("SELECT description FROM products WHERE vendor_id = ? AND sku = 'Q-1'", vendor.vendorId));
        assertNull(TestData.queryString("SELECT gtin FROM products WHERE vendor_id = ? AND sku = 'Q-2'", vendor.vendorId),
                "a mangled barcode is dropped, not repaired");

        List<String> report = vendor.get(ApiSession.path(done.getString("rejects_url"))).body().lines().toList();
        assertEquals(3, report.size(), String.join("\n", report));
        assertTrue(report.get(1).startsWith("4,gtin,3.65275E+11,") && report.get(1).endsWith(",warning"), report.get(1));
        assertTrue(report.get(2).startsWith("5,price,cheap,") && report.get(2).endsWith(",rejected"), report.get(2));
    }

    @Test
    void aShopifyExportBecomesOneProductPerVariant() {
        var vendor = ApiSession.newVendor("shop");
        String csv = String.join("\n",
                "Handle,Title,Body (HTML),Vendor,Status,Option1 Name,Option1 Value,Variant SKU,Variant Price,"
                        + "Variant Inventory Tracker,Variant Inventory Qty,Variant Barcode,Image Src",
                "tee,Tee,\"<p>Soft, warm</p>\",Alder,active,Color,Blue,TEE-B,19.90,shopify,3,,https://img.example/tee.jpg",
                "tee,,,,,,Red,TEE-R,21.00,shopify,0,,",
                "tee,,,,,,,,,,,,https://img.example/tee-2.jpg",
                "mug,Mug,,Birch,active,Title,Default Title,,5.00,,,,") + "\n";

        JsonObject done = importFeed(vendor, csv.getBytes(StandardCharsets.UTF_8));

        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(2, done.getInt("rows_written"), "two variants; the image row is no product");
        assertEquals(1, done.getInt("rows_skipped"), "the mug has no SKU");
        assertEquals("Tee - Blue|19.90|in_stock|<p>Soft, warm</p>|Alder", TestData.queryString("SELECT title || '|' || price_amount"
                + " || '|' || availability || '|' || description || '|' || brand FROM products WHERE vendor_id = ? AND sku = 'TEE-B'", vendor.vendorId));
        assertEquals("Tee - Red|out_of_stock|Alder", TestData.queryString("SELECT title || '|' || availability || '|' || brand"
                + " FROM products WHERE vendor_id = ? AND sku = 'TEE-R'", vendor.vendorId));
        List<String> report = vendor.get(ApiSession.path(done.getString("rejects_url"))).body().lines().toList();
        assertTrue(report.get(1).startsWith("5,id,,"), String.join("\n", report));
    }

    @Test
    void anRssFeedWithGoogleElementsIsImported() {
        var vendor = ApiSession.newVendor("rss");
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
                  <channel>
                    <title>Shop</title><link>https://shop.example</link><description>Everything</description>
                    <item>
                      <g:id>RSS-1</g:id><title>Trail Tent</title><description>Two-person tent</description>
                      <link>https://shop.example/tent</link><g:price>129.00 EUR</g:price><g:availability>in stock</g:availability>
                      <g:shipping><g:country>FR</g:country><g:price>4.95 EUR</g:price></g:shipping>
                    </item>
                    <item><g:id>RSS-2</g:id><g:title>Mug</g:title><g:price>free</g:price><g:availability>in stock</g:availability></item>
                  </channel>
                </rss>
                """;

        JsonObject done = importFeed(vendor, rss.getBytes(StandardCharsets.UTF_8));

        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(1, done.getInt("rows_written"));
        assertEquals(1, done.getInt("rows_skipped"));
        assertFalse(done.getJsonObject("progress").containsKey("total_rows"), "an XML feed's lines are not its items");
        assertEquals("Trail Tent|129.00|Two-person tent", TestData.queryString("SELECT title || '|' || price_amount || '|' || description"
                + " FROM products WHERE vendor_id = ? AND sku = 'RSS-1'", vendor.vendorId));
        List<String> report = vendor.get(ApiSession.path(done.getString("rejects_url"))).body().lines().toList();
        assertTrue(report.get(1).startsWith("10,price,free,"), String.join("\n", report));
    }

    @Test
    void aWooCommerceExportImportsItsSimpleProductsAndVariationsWithTheirParentsFields() throws IOException {
        var vendor = ApiSession.newVendor("woo");
        byte[] export;
        try (var fixture = FeedFormatsIT.class.getResourceAsStream("/feeds/woocommerce-products.csv")) {
            export = fixture.readAllBytes();
        }

        JsonObject done = importFeed(vendor, export);

        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(4, done.getInt("rows_written"), "two simple products and two variations; the variable row is their parent");
        assertEquals(0, done.getInt("rows_skipped"), done.toString());
        assertEquals("WOO-GIFT,WOO-HOODIE-BLU-M,WOO-HOODIE-GRN-L,WOO-MUG", TestData.queryString(
                "SELECT string_agg(sku, ',' ORDER BY sku) FROM products WHERE vendor_id = ?", vendor.vendorId));
        assertEquals("Enamel Mug|12.50|in_stock|Birchwood|4006381333931|<p>Enamelled steel.</p>\n<p>Dishwasher safe.</p>",
                product(vendor, "WOO-MUG", "title || '|' || price_amount || '|' || availability || '|' || brand || '|' || gtin || '|' || description"));
        assertEquals("Gift card 25|25.00|A gift card worth 25.", product(vendor, "WOO-GIFT", "title || '|' || price_amount || '|' || description"));
        assertEquals("Trail Hoodie - Blue / M|45.00|in_stock|Alder|<p>Organic cotton fleece.</p>|4006381333948",
                product(vendor, "WOO-HOODIE-BLU-M", "title || '|' || price_amount || '|' || availability || '|' || brand || '|' || description || '|' || gtin"));
        assertEquals("Trail Hoodie - Green / L|49.90|out_of_stock|Alder|<p>Green is a limited dye lot.</p>",
                product(vendor, "WOO-HOODIE-GRN-L", "title || '|' || price_amount || '|' || availability || '|' || brand || '|' || description"));
        assertEquals("https://shop.example/wp-content/uploads/2026/03/hoodie-blue.jpg|https://shop.example/wp-content/uploads/2026/03/hoodie.jpg",
                TestData.queryString("SELECT string_agg(array_to_string(image_links, ' '), '|' ORDER BY sku) FROM products"
                        + " WHERE vendor_id = ? AND sku LIKE 'WOO-HOODIE-%'", vendor.vendorId), "a variation's own image, else its parent's first");
    }

    private static String product(ApiSession vendor, String sku, String columns) {
        return TestData.queryString("SELECT " + columns + " FROM products WHERE vendor_id = ? AND sku = '" + sku + "'", vendor.vendorId);
    }

    @Test
    void anUnknownCsvIsRefusedNamingTheFormatsAndTheirColumnsAndStartsNoJob() {
        var vendor = ApiSession.newVendor("odd");
        String jobsBefore = TestData.queryString("SELECT count(*) FROM public.job_instance WHERE jobname = 'product-import'");

        var refused = vendor.post("/imports", "text/csv", "sku,name,price\nX-1,Thing,1.00\n".getBytes(StandardCharsets.UTF_8));

        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = Http.json(refused);
        assertEquals("https://orion.local/problems/unsupported-feed-format", problem.getString("type"));
        for (String named : new String[] {"Google Merchant TSV: id, title, price, availability", "Google Merchant XML",
                "Shopify product CSV: Handle, Title, Variant SKU, Variant Price", "WooCommerce product CSV: ID, Type, SKU, Name, Regular price"}) {
            assertTrue(problem.getString("detail").contains(named), problem.getString("detail"));
        }
        assertEquals(4, problem.getJsonArray("supported_formats").size(), problem.toString());
        assertEquals(jobsBefore, TestData.queryString("SELECT count(*) FROM public.job_instance WHERE jobname = 'product-import'"),
                "no job was started");
    }

    @Test
    void aGzippedFeedIsUnpacked() throws IOException {
        var vendor = ApiSession.newVendor("gz");
        var packed = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(packed)) {
            gzip.write(FEED.getBytes(StandardCharsets.UTF_8));
        }

        JsonObject done = importFeed(vendor, packed.toByteArray());

        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(2, done.getInt("rows_written"));
        assertEquals(1, done.getInt("rows_skipped"));
        assertFalse(done.getJsonObject("progress").containsKey("total_rows"), "a gzipped feed's size is known only once unpacked");
    }

    @Test
    void aHeaderOnlyFeedImportsNothingAndABinaryFileIsRefused() {
        var vendor = ApiSession.newVendor("edge");

        JsonObject headerOnly = importFeed(vendor, "id\ttitle\tprice\tavailability\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("COMPLETED", headerOnly.getString("status"));
        assertEquals(0, headerOnly.getInt("rows_read"));

        byte[] image = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        var refused = vendor.post("/imports", TSV, image);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(Http.json(refused).getString("detail").contains("not a text file"), refused.body());
    }

    @Test
    void pastTheSkipLimitTheImportFailsAndSaysWhy() {
        var vendor = ApiSession.newVendor("skip");
        var feed = new StringBuilder("id\ttitle\tprice\tavailability\n");
        for (int i = 0; i < 1005; i++) {
            feed.append("S-").append(i).append("\tThing\tfree\tin_stock\n");
        }

        JsonObject done = importFeed(vendor, feed.toString().getBytes(StandardCharsets.UTF_8));

        assertEquals("FAILED", done.getString("status"), done.toString());
        assertTrue(done.getString("exit_status").startsWith("Too many rejected rows: more than 1000"), done.getString("exit_status"));

        var strict = vendor.post("/imports?skip_limit=1", TSV, "id\ttitle\tprice\tavailability\nA\tA\tfree\tin_stock\nB\tB\tfree\tin_stock\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(202, strict.statusCode(), strict.body());
        JsonObject stopped = Poll.until(java.time.Duration.ofSeconds(60),
                () -> Http.json(vendor.get(ApiSession.path(strict.headers().firstValue("Location").orElseThrow()))),
                JobStatus::ended);
        assertTrue(stopped.getString("exit_status").startsWith("Too many rejected rows: more than 1 "), "the caller's skip_limit: " + stopped);
        assertEquals(400, vendor.post("/imports?skip_limit=-1", TSV, "id\n1\n".getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    private static JsonObject importFeed(ApiSession vendor, byte[] feed) {
        var accepted = vendor.post("/imports", TSV, feed);
        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = ApiSession.path(accepted.headers().firstValue("Location").orElseThrow());
        return Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get(location)),
                JobStatus::ended);
    }
}
