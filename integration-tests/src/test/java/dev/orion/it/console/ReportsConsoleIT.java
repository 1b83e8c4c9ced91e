package dev.orion.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.Browser;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The reports page: request a sales report for a period, watch it finish, download it; in a real browser. */
@ExtendWith(ArquillianExtension.class)
class ReportsConsoleIT extends OrionDeployment {

    private static final String PASSWORD = "a long enough password";
    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();
    private static long vendorId;
    private static String vendorUser;

    @BeforeAll
    static void arrange() {
        String code = TestData.unique("rep");
        vendorId = TestData.vendor(code);
        vendorUser = "vendor@" + code + ".example";
        TestData.consoleUser(vendorUser, PASSWORD, "VENDOR", vendorId);
        TestData.product(vendorId, "MUG", "Mug", "10.00");
        order("a@example.com", "12.00", "CONFIRMED");
        order("b@example.com", "30.00", "DELIVERED");
        order("c@example.com", "7.00", "CANCELLED");
    }

    @Test
    void aReportForAPeriodCompletesAndDownloadsWithTheDatabasesTotals() {
        try (var browser = Browser.open()) {
            browser.login(vendorUser, PASSWORD).go("/reports/reports.xhtml");
            assertTrue(browser.all(By.id("reports-form:vendor")).isEmpty(), "a VENDOR user reports on its own vendor only");
            period(browser, TODAY, TODAY);
            browser.click(By.id("reports-form:request-report"));

            browser.waitForText("COMPLETED", Duration.ofSeconds(60));
            assertEquals("COMPLETED", browser.text(By.id("reports-form:reports:0:report-status")));
            browser.screenshot("reports");

            String url = browser.find(By.id("reports-form:reports:0:download")).getAttribute("href");
            HttpResponse<String> csv = download(browser, url);
            assertEquals(200, csv.statusCode());
            assertEquals("text/csv", csv.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            List<String> lines = csv.body().lines().toList();
            assertEquals("section,key,title,currency,orders,quantity,gross,net,vat", lines.get(0));
            String soldGross = TestData.queryString("SELECT sum(total_amount) FROM orders WHERE vendor_id = ?"
                    + " AND status IN ('CONFIRMED', 'SHIPPED', 'DELIVERED')", vendorId);
            String soldOrders = TestData.queryString("SELECT count(*) FROM orders WHERE vendor_id = ?"
                    + " AND status IN ('CONFIRMED', 'SHIPPED', 'DELIVERED')", vendorId);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("day," + TODAY + ",,EUR," + soldOrders + ",," + soldGross + ",")),
                    soldOrders + " orders for " + soldGross + " in\n" + csv.body());
            assertTrue(lines.contains("status,CANCELLED,,EUR,1,,7.00,,"), csv.body());
        }
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedBesideTheForm() {
        try (var browser = Browser.open()) {
            browser.login(vendorUser, PASSWORD).go("/reports/reports.xhtml");
            String before = TestData.queryString("SELECT count(*) FROM job_execution e JOIN job_instance i"
                    + " ON i.jobinstanceid = e.jobinstanceid WHERE i.jobname = 'sales-report'");
            period(browser, "2026-02-01", "2026-01-01");
            browser.click(By.id("reports-form:request-report"));

            assertTrue(browser.text(By.id("reports-form:to-message")).contains("is before from"), browser.pageText());
            assertEquals(before, TestData.queryString("SELECT count(*) FROM job_execution e JOIN job_instance i"
                    + " ON i.jobinstanceid = e.jobinstanceid WHERE i.jobname = 'sales-report'"), "no report job started");
        }
    }

    /** Sets the date pickers' text as a user would type it (their overlays stay closed). */
    private static void period(Browser browser, String from, String to) {
        browser.driver().executeScript("document.getElementById('reports-form:from_input').value = arguments[0];"
                + "document.getElementById('reports-form:to_input').value = arguments[1];", from, to);
    }

    private static HttpResponse<String> download(Browser browser, String url) {
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        return Http.plain().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "JSESSIONID=" + session));
    }

    private static void order(String email, String price, String status) {
        long id = TestData.pendingOrder(vendorId, email, "MUG", price);
        TestData.execute("UPDATE orders SET status = ? WHERE id = ?", status, id);
    }
}
