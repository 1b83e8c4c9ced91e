package dev.orion.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ServedFile;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Feed imports over the API: multipart upload, import from a URL, progress, the rejected-rows file. */
@ExtendWith(ArquillianExtension.class)
class ImportsApiIT extends OrionDeployment {

    private static final String TSV = "text/tab-separated-values";
    private static final String FEED = String.join("\n",
            "id\ttitle\tprice\tavailability",
            "CUP-1\tCup\t4.50 EUR\tin_stock",
            "CUP-2\tCup, large\tfree\tin_stock",
            "CUP-3\tSaucer\t2.00 EUR\tsometimes",
            "CUP-4\tTeapot\t19.90 EUR\tpreorder") + "\n";

    @Test
    void multipartUploadReportsCountsProgressAndRejectedRows() {
        var vendor = ApiSession.newVendor("mp");

        var accepted = vendor.post("/imports", "multipart/form-data; boundary=orion-test", multipart("feed.tsv", FEED));

        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonObject done = awaitEnd(vendor, location);
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(4, done.getInt("rows_read"));
        assertEquals(2, done.getInt("rows_written"));
        assertEquals(2, done.getInt("rows_skipped"));
        JsonObject progress = done.getJsonObject("progress");
        assertEquals(4, progress.getInt("total_rows"));
        assertEquals(100.0, progress.getJsonNumber("percent").doubleValue());
        assertTrue(progress.getJsonNumber("rows_per_second").doubleValue() > 0, progress.toString());

        HttpResponse<String> rejects = vendor.get(ApiSession.path(done.getString("rejects_url")));
        assertEquals(200, rejects.statusCode());
        assertEquals("text/csv", ApiSession.contentType(rejects));
        List<String> lines = rejects.body().lines().toList();
        assertEquals("line,column,value,reason,severity", lines.get(0));
        assertEquals(3, lines.size(), rejects.body());
        assertTrue(lines.get(1).startsWith("3,price,free,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("4,availability,sometimes,"), lines.get(2));
        String instance = TestData.queryString("SELECT jobinstanceid FROM job_execution WHERE jobexecutionid = ?", done.getJsonNumber("id").longValue());
        Path stored = Path.of(System.getenv("ORION_STORAGE_DIR"), "import-reports", instance + ".csv");
        assertEquals(rejects.body(), readString(stored), "the ended import's report is kept in storage, and served from there");
        assertEquals("api-client|import|" + done.getJsonNumber("id") + "|upload feed.tsv (update)", importStarts(vendor),
                "the start is in the audit log once");
    }

    private static String importStarts(ApiSession vendor) {
        return TestData.queryString("SELECT string_agg(actor_type || '|' || entity_type || '|' || entity_id || '|' || details, ',' ORDER BY id)"
                + " FROM audit_log WHERE vendor_id = ? AND action = 'import.start'", vendor.vendorId);
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("No stored report at " + file, e);
        }
    }

    @Test
    void aMultipartFeedLargerThanRestEasysDefaultPartLimitIsAccepted() {
        var vendor = ApiSession.newVendor("big");
        String filler = "x".repeat(1 << 20);
        var feed = new StringBuilder("id\ttitle\tdescription\tprice\n");
        for (int i = 0; i < 60; i++) { // 60 MB: over the 50 MB RESTEasy keeps a part to by default
            feed.append("BIG-").append(i).append("\tBig\t").append(filler).append("\tnot a price\n");
        }

        var accepted = vendor.post("/imports", "multipart/form-data; boundary=orion-test", multipart("big.tsv", feed.toString()));

        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonObject done = awaitEnd(vendor, accepted.headers().firstValue("Location").orElseThrow());
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(60, done.getInt("rows_read"));
        assertEquals(60, done.getInt("rows_skipped"));
    }

    @Test
    void reimportingChangesOnlyChangedRowsAndKeepsCreationTimes() {
        var vendor = ApiSession.newVendor("reimp");
        String first = "id\ttitle\tprice\tavailability\nR-1\tOne\t1.00 EUR\tin_stock\nR-2\tTwo\t2.00 EUR\tin_stock\n";
        awaitEnd(vendor, vendor.post("/imports", "text/tab-separated-values", first.getBytes(StandardCharsets.UTF_8))
                .headers().firstValue("Location").orElseThrow());
        String before = state(vendor.vendorId);

        String second = "id\ttitle\tprice\tavailability\nR-1\tOne\t1.00 EUR\tin_stock\nR-2\tTwo\t2.50 EUR\tin_stock\n"
                + "R-2\tTwo\t2.75 EUR\tin_stock\n";
        JsonObject done = awaitEnd(vendor, vendor.post("/imports", "text/tab-separated-values", second.getBytes(StandardCharsets.UTF_8))
                .headers().firstValue("Location").orElseThrow());

        assertEquals("COMPLETED", done.getString("status"));
        String after = state(vendor.vendorId);
        assertEquals(before.lines().toList().get(0), after.lines().toList().get(0), "an unchanged row is not rewritten");
        String[] changed = after.lines().toList().get(1).split("\\|");
        String[] was = before.lines().toList().get(1).split("\\|");
        assertEquals("2.75", changed[1], "the later of two rows for one SKU wins");
        assertEquals(Long.parseLong(was[2]) + 1, Long.parseLong(changed[2]), "the changed row's version moves on");
        assertEquals(was[3], changed[3], "created_at is kept");
    }

    @Test
    void aFullImportMakesTheProductsItDoesNotNameUnavailableAndAnUpdateLeavesThem() {
        var vendor = ApiSession.newVendor("full");
        String all = "id\ttitle\tprice\tavailability\nF-1\tOne\t1.00 EUR\tin_stock\nF-2\tTwo\t2.00 EUR\tin_stock\n"
                + "F-3\tThree\t3.00 EUR\tpreorder\n";
        String onlyFirst = "id\ttitle\tprice\tavailability\nF-1\tOne\t1.00 EUR\tin_stock\n";
        awaitEnd(vendor, vendor.post("/imports", TSV, all.getBytes(StandardCharsets.UTF_8)).headers().firstValue("Location").orElseThrow());

        awaitEnd(vendor, vendor.post("/imports", TSV, onlyFirst.getBytes(StandardCharsets.UTF_8)).headers().firstValue("Location").orElseThrow());
        assertEquals("F-1:in_stock,F-2:in_stock,F-3:preorder", availability(vendor.vendorId), "an update import leaves other products alone");

        JsonObject full = awaitEnd(vendor, vendor.post("/imports?mode=full", TSV, onlyFirst.getBytes(StandardCharsets.UTF_8))
                .headers().firstValue("Location").orElseThrow());
        assertEquals("COMPLETED", full.getString("status"));
        assertEquals("F-1:in_stock,F-2:out_of_stock,F-3:out_of_stock", availability(vendor.vendorId), "never deleted, made unavailable");
        assertEquals("0", TestData.queryString("SELECT count(*) FROM import_seen_skus"), "the seen SKUs are dropped at the end");

        var wrongMode = vendor.post("/imports?mode=replace", TSV, onlyFirst.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, wrongMode.statusCode(), wrongMode.body());
    }

    private static String availability(long vendorId) {
        return TestData.queryString("SELECT string_agg(sku || ':' || availability, ',' ORDER BY sku) FROM products WHERE vendor_id = ?", vendorId);
    }

    /** sku|price|version|created_at per product, one line each, in SKU order. */
    private static String state(long vendorId) {
        return TestData.queryString("SELECT string_agg(sku || '|' || price_amount || '|' || version || '|' || created_at || '|' || updated_at,"
                + " E'\\n' ORDER BY sku) FROM products WHERE vendor_id = ?", vendorId);
    }

    @Test
    void importFromUrlFetchesTheFeed() {
        var vendor = ApiSession.newVendor("url");
        try (var feeds = new ServedFile("/feed.tsv", FEED)) {
            String url = feeds.base();
            var accepted = vendor.send("POST", "/imports", "application/json", "{\"url\": \"" + url + "/feed.tsv\"}");
            assertEquals(202, accepted.statusCode(), accepted.body());
            JsonObject done = awaitEnd(vendor, accepted.headers().firstValue("Location").orElseThrow());
            assertEquals("COMPLETED", done.getString("status"));
            assertEquals(2, done.getInt("rows_written"));

            // fetched by the job, so a feed that is not there fails the import, with no status code for the tenant
            var missing = vendor.send("POST", "/imports", "application/json", "{\"url\": \"" + url + "/gone.tsv\"}");
            assertEquals(202, missing.statusCode(), missing.body());
            JsonObject failed = awaitEnd(vendor, missing.headers().firstValue("Location").orElseThrow());
            assertEquals("FAILED", failed.getString("status"), failed.toString());
            assertEquals("The feed could not be fetched from its URL. Nothing was imported.", failed.getString("exit_status"));
            assertEquals("api-client|import|" + done.getJsonNumber("id") + "|from " + url + "/feed.tsv,"
                    + "api-client|import|" + failed.getJsonNumber("id") + "|from " + url + "/gone.tsv", importStarts(vendor));
        }
    }

    @Test
    void badImportRequestsAreClearProblems() {
        var vendor = ApiSession.newVendor("badimp");

        var noFilePart = vendor.post("/imports", "multipart/form-data; boundary=orion-test",
                ("--orion-test\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--orion-test--\r\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(400, noFilePart.statusCode(), noFilePart.body());
        assertTrue(Http.json(noFilePart).getString("detail").contains("'file'"), noFilePart.body());

        var notHttp = vendor.send("POST", "/imports", "application/json", "{\"url\": \"file:///etc/passwd\"}");
        assertEquals(422, notHttp.statusCode(), notHttp.body());

        var noUrl = vendor.send("POST", "/imports", "application/json", "{}");
        assertEquals(400, noUrl.statusCode(), noUrl.body());
        assertEquals("url", Http.json(noUrl).getJsonArray("errors").getJsonObject(0).getString("field"));

        var empty = vendor.post("/imports", "text/tab-separated-values", new byte[0]);
        assertEquals(400, empty.statusCode(), empty.body());
    }

    @Test
    void anotherVendorsImportIsNotFound() {
        var owner = ApiSession.newVendor("owner");
        var other = ApiSession.newVendor("other");
        var accepted = owner.post("/imports", "text/tab-separated-values", FEED.getBytes(StandardCharsets.UTF_8));
        String path = ApiSession.path(accepted.headers().firstValue("Location").orElseThrow());

        assertEquals(404, other.get(path).statusCode());
        assertEquals(404, other.get(path + "/rejects").statusCode());
        assertEquals(200, owner.get(path).statusCode());
    }

    private static JsonObject awaitEnd(ApiSession session, String location) {
        return Poll.until(Duration.ofSeconds(60), () -> Http.json(session.get(ApiSession.path(location))),
                JobStatus::ended);
    }

    private static byte[] multipart(String fileName, String content) {
        return ("--orion-test\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/tab-separated-values\r\n\r\n"
                + content + "\r\n--orion-test--\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
