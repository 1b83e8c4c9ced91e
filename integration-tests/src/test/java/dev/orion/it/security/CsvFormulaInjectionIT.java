package dev.orion.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Vendor text that a spreadsheet would run as a formula ({@code =HYPERLINK(...)}, {@code @SUM(...)}) is written
 * neutralised (a leading single quote) in every CSV Orion writes: the rejected rows, the console's product
 * export and the sales report.
 */
@ExtendWith(ArquillianExtension.class)
class CsvFormulaInjectionIT extends OrionDeployment {

    private static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";
    /** The formula as a CSV cell once neutralised: quoted (it holds quotes and a comma), starting with a single quote. */
    private static final String NEUTRALISED = "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";
    private static final String RAW = "\"=HYPERLINK(";

    @Test
    void formulasInVendorTextAreNeutralisedInRejectsExportsAndReports() {
        var vendor = ApiSession.newVendor("formula");
        String feed = "id\ttitle\tprice\tavailability\tbrand\n"
                + "F-1\t" + FORMULA + "\t1.00 EUR\tin_stock\t@SUM(A1:A9)\n"
                + "F-2\tMug\t" + FORMULA + "\tin_stock\tAcme\n";
        JsonObject imported = await(vendor, vendor.post("/imports", "text/tab-separated-values", feed.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, imported.getInt("rows_written"), imported.toString());

        String rejects = download(vendor, "/imports/" + imported.getInt("id") + "/rejects");
        assertTrue(rejects.contains(NEUTRALISED), rejects);
        assertFalse(rejects.contains(RAW), rejects);

        String email = TestData.unique("formula") + "@example.com";
        TestData.consoleUser(email, "correct horse", "VENDOR", vendor.vendorId);
        var browser = Http.browser();
        browser.get(Http.BASE + "/console/login.xhtml");
        browser.postForm(Http.BASE + "/console/login", Map.of("username", email, "password", "correct horse"));
        HttpResponse<String> export = browser.get(Http.BASE + "/console/catalog/products-export?format=csv");
        assertEquals(200, export.statusCode(), export.body());
        assertTrue(export.body().contains(NEUTRALISED), export.body());
        assertTrue(export.body().contains(",'@SUM(A1:A9),"), export.body());
        assertFalse(export.body().contains(RAW), export.body());

        String order = "{\"external_id\": \"F-ORDER\", \"currency\": \"EUR\", \"customer\": {\"email\": \"ana@example.com\"},"
                + " \"lines\": [{\"sku\": \"F-1\", \"title\": \"" + FORMULA.replace("\"", "\\\"") + "\", \"quantity\": 1, \"unit_price\": \"1.00\"}]}\n";
        JsonObject orders = await(vendor, vendor.post("/order-imports", "application/x-ndjson", order.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, orders.getInt("rows_written"), orders.toString());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        var report = vendor.send("POST", "/reports/sales", "application/json",
                "{\"from\": \"" + today + "\", \"to\": \"" + today + "\", \"format\": \"csv\"}");
        assertEquals(202, report.statusCode(), report.body());
        JsonObject done = await(vendor, report);
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        String sales = download(vendor, ApiSession.path(done.getString("content_url")));
        assertTrue(sales.contains(NEUTRALISED), sales);
        assertFalse(sales.contains(RAW), sales);
    }

    private static JsonObject await(ApiSession vendor, HttpResponse<String> accepted) {
        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = ApiSession.path(accepted.headers().firstValue("Location").orElseThrow());
        return Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get(location)), JobStatus::ended);
    }

    private static String download(ApiSession vendor, String path) {
        var response = vendor.download(path);
        assertEquals(200, response.statusCode());
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
