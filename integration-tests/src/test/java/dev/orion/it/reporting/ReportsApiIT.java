package dev.orion.it.reporting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.JobStatus;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sales reports over the API: request, follow, download; totals checked against SQL. */
@ExtendWith(ArquillianExtension.class)
class ReportsApiIT extends OrionDeployment {

    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    @Test
    void csvReportTotalsMatchTheDatabase() {
        var vendor = ApiSession.newVendor("rep");
        TestData.product(vendor.vendorId, "MUG", "Mug", "10.00");
        order(vendor.vendorId, "a@example.com", "MUG", "10.00", "CONFIRMED");
        order(vendor.vendorId, "b@example.com", "MUG", "24.00", "SHIPPED");
        order(vendor.vendorId, "c@example.com", "MUG", "5.00", "CANCELLED");

        JsonObject report = requestAndAwait(vendor, "csv");

        var download = vendor.download(ApiSession.path(report.getString("content_url")));
        assertEquals(200, download.statusCode());
        assertEquals("text/csv", download.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        List<String> lines = new String(download.body(), StandardCharsets.UTF_8).lines().toList();
        assertEquals("section,key,title,currency,orders,quantity,gross,net,vat", lines.get(0));
        String soldGross = TestData.queryString("SELECT sum(total_amount) FROM orders WHERE vendor_id = ?"
                + " AND status IN ('CONFIRMED', 'SHIPPED', 'DELIVERED')", vendor.vendorId);
        String soldVat = TestData.queryString("SELECT sum(round(total_amount * 20 / 120, 2)) FROM orders WHERE vendor_id = ?"
                + " AND status IN ('CONFIRMED', 'SHIPPED', 'DELIVERED')", vendor.vendorId);
        assertEquals("34.00", soldGross);
        assertTrue(lines.contains("day," + TODAY + ",,EUR,2,," + soldGross + ",28.33," + soldVat), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("product,rep") && l.endsWith(",Item MUG,EUR,,2,34.00,28.33,5.67")),
                String.join("\n", lines));
        assertTrue(lines.contains("status,CANCELLED,,EUR,1,,5.00,,"), String.join("\n", lines));
        assertTrue(lines.contains("status,CONFIRMED,,EUR,1,,10.00,,"), String.join("\n", lines));
    }

    @Test
    void pdfReportWithItsRevenueChartIsAPdf() {
        var vendor = ApiSession.newVendor("pdf");
        order(vendor.vendorId, "a@example.com", "MUG", "10.00", "CONFIRMED"); // a day of sales: the chart is drawn
        JsonObject report = requestAndAwait(vendor, "pdf");

        var download = vendor.download(ApiSession.path(report.getString("content_url")));
        assertEquals(200, download.statusCode());
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(download.body(), 4));
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").contains(".pdf"));
    }

    @Test
    void invalidRequestsAreProblems() {
        var vendor = ApiSession.newVendor("badrep");

        var backwards = vendor.send("POST", "/reports/sales", "application/json",
                "{\"from\": \"2026-02-01\", \"to\": \"2026-01-01\", \"format\": \"csv\"}");
        assertEquals(400, backwards.statusCode(), backwards.body());
        assertTrue(Http.json(backwards).getString("detail").contains("before"), backwards.body());

        var badFormat = vendor.send("POST", "/reports/sales", "application/json",
                "{\"from\": \"2026-01-01\", \"to\": \"2026-01-31\", \"format\": \"xlsx\"}");
        assertEquals(400, badFormat.statusCode(), badFormat.body());
        assertEquals("format", Http.json(badFormat).getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void reportsAreVendorScopedAndPlatformMaySeeAll() {
        var owner = ApiSession.newVendor("repown");
        var other = ApiSession.newVendor("repoth");
        JsonObject report = requestAndAwait(owner, "csv");
        String path = "/reports/" + report.getInt("id");

        assertEquals(404, other.get(path).statusCode());
        assertEquals(404, other.get(path + "/content").statusCode());

        var platform = ApiSession.newPlatform("rep");
        assertEquals(200, platform.get(path).statusCode());
        var all = platform.send("POST", "/reports/sales", "application/json",
                "{\"from\": \"" + TODAY + "\", \"to\": \"" + TODAY + "\", \"format\": \"csv\"}");
        assertEquals(202, all.statusCode(), all.body());
        assertFalse(Http.json(all).containsKey("vendor_id"), "an all-vendor report names no vendor");
        var nobody = platform.send("POST", "/reports/sales?vendor=999999999", "application/json",
                "{\"from\": \"" + TODAY + "\", \"to\": \"" + TODAY + "\", \"format\": \"csv\"}");
        assertEquals(400, nobody.statusCode(), "checked before a job starts: " + nobody.body());
        assertTrue(Http.json(nobody).getString("detail").contains("no vendor 999999999"), nobody.body());
    }

    @Test
    void anAllVendorReportAddsUpToTheSqlTotalsOverEveryVendor() {
        var platform = ApiSession.newPlatform("repall");
        var first = ApiSession.newVendor("repa");
        var second = ApiSession.newVendor("repb");
        TestData.execute("UPDATE vendors SET vat_rate = 10 WHERE id = ?", second.vendorId);
        String day = "2019-02-01"; // a day no other test sells on
        for (var vendor : List.of(first, second)) {
            order(vendor.vendorId, "a@example.com", "MUG", "10.00", "CONFIRMED");
            order(vendor.vendorId, "b@example.com", "TENT", "99.99", "DELIVERED");
            order(vendor.vendorId, "c@example.com", "MUG", "5.00", "CANCELLED");
            TestData.execute("UPDATE orders SET created_at = ?::date + time '12:00' WHERE vendor_id = ?", day, vendor.vendorId);
        }

        JsonObject report = requestAndAwait(platform, "csv", day);

        String csv = new String(platform.download(ApiSession.path(report.getString("content_url"))).body(), StandardCharsets.UTF_8);
        String sold = " FROM orders o JOIN vendors v ON v.id = o.vendor_id WHERE o.created_at::date = ?::date"
                + " AND o.status IN ('CONFIRMED', 'SHIPPED', 'DELIVERED')";
        String gross = TestData.queryString("SELECT sum(o.total_amount)" + sold, day);
        String vat = TestData.queryString("SELECT sum(round(o.total_amount * v.vat_rate / (100 + v.vat_rate), 2))" + sold, day);
        String net = new java.math.BigDecimal(gross).subtract(new java.math.BigDecimal(vat)).toPlainString();
        assertEquals("219.98", gross);
        assertTrue(csv.lines().toList().contains("day," + day + ",,EUR,4,," + gross + "," + net + "," + vat), csv);
        assertTrue(csv.lines().toList().contains("status,CANCELLED,,EUR,2,,10.00,,"), csv);
        assertEquals(4, csv.lines().filter(l -> l.startsWith("product,")).count(), "products stay per vendor: " + csv);
        assertTrue(csv.lines().filter(l -> l.startsWith("product,")).findFirst().orElse("").contains("TENT"), "biggest sellers first: " + csv);
    }

    private static JsonObject requestAndAwait(ApiSession vendor, String format) {
        return requestAndAwait(vendor, format, TODAY);
    }

    private static JsonObject requestAndAwait(ApiSession vendor, String format, String day) {
        var accepted = vendor.send("POST", "/reports/sales", "application/json",
                "{\"from\": \"" + day + "\", \"to\": \"" + day + "\", \"format\": \"" + format + "\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = ApiSession.path(accepted.headers().firstValue("Location").orElseThrow());
        JsonObject done = Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get(location)),
                JobStatus::ended);
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        return done;
    }

    private static void order(long vendorId, String email, String sku, String price, String status) {
        long id = TestData.pendingOrder(vendorId, email, sku, price);
        TestData.queryString("UPDATE orders SET status = ? WHERE id = ? RETURNING id", status, id);
    }
}
