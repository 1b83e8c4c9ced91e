package dev.orion.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Browser;
import dev.orion.it.support.Http;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

/**
 * What a person sees on today's pages: a long exit status kept to one line, the feed formats the imports page
 * takes and why an import failed, and every page at a laptop's and a tablet's size (screenshots in target/screenshots).
 */
@ExtendWith(ArquillianExtension.class)
class ConsolePolishIT extends OrionDeployment {

    private static final String PASSWORD = "a long enough password";
    private static final String BROKEN_XML = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:g=\"http://base.google.com/ns/1.0\"><channel>\n"
            + "<item><g:id>X-1</g:id><title>Lamp</title></wrong></channel></rss>\n";
    private static final List<String> PAGES = List.of("/dashboard.xhtml", "/catalog/products.xhtml", "/orders/orders.xhtml",
            "/imports/imports.xhtml", "/reports/reports.xhtml", "/platform/batch.xhtml", "/platform/emails.xhtml",
            "/platform/schedules.xhtml", "/admin/users.xhtml", "/admin/vendors.xhtml", "/admin/clients.xhtml",
            "/admin/customers.xhtml", "/admin/subscriptions.xhtml", "/admin/flags.xhtml", "/admin/alerts.xhtml", "/admin/audit.xhtml");
    private static ApiSession vendor;
    private static String vendorUser;
    private static String admin;
    private static long failedImport;
    private static String failure;

    @BeforeAll
    static void arrange() {
        vendor = ApiSession.newVendor("polish");
        vendorUser = "vendor@" + TestData.unique("polish") + ".example";
        TestData.consoleUser(vendorUser, PASSWORD, "VENDOR", vendor.vendorId);
        admin = "admin@" + TestData.unique("polish") + ".example";
        TestData.consoleUser(admin, PASSWORD, "ADMIN", null);
        var accepted = vendor.post("/imports", "text/plain", BROKEN_XML.getBytes(StandardCharsets.UTF_8));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = ApiSession.path(accepted.headers().firstValue("Location").orElseThrow());
        JsonObject done = Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get(location)), JobStatus::ended);
        assertEquals("FAILED", done.getString("status"), done.toString());
        failedImport = done.getJsonNumber("id").longValue();
        failure = done.getString("exit_status");
        assertTrue(failure.length() > 120 && failure.contains("\n"), "a long exit status of several lines: " + failure);
    }

    @Test
    void theBatchMonitorShowsALongExitStatusOnOneLineAndTheWholeOnHoverAndOnItsPage() {
        try (var browser = Browser.open()) {
            browser.driver().manage().window().setSize(new Dimension(1366, 850));
            browser.login(admin, PASSWORD).go("/platform/batch.xhtml");
            WebElement row = browser.find(By.xpath("//tbody[@id='batch-form:executions_data']/tr[.//a[normalize-space()='" + failedImport + "']]"));
            WebElement exit = row.findElement(By.className("exit-status"));
            browser.screenshot("polish-batch-long-exit-status");

            assertEquals(failure, exit.getDomAttribute("title"), "the whole exit status on hover");
            assertTrue(exit.getSize().getHeight() < 2 * fontSize(exit), "the exit status keeps to one line: " + exit.getSize());

            browser.click(By.xpath("//tbody[@id='batch-form:executions_data']//a[normalize-space()='" + failedImport + "']"));
            assertEquals(oneSpaced(failure), oneSpaced(browser.text(By.id("exit-status"))), "the whole exit status on its page");
            browser.screenshot("polish-execution-long-exit-status");
        }
    }

    @Test
    void theImportsPageNamesEveryFeedFormatKeepsItsChoicesApartAndSaysWhyAnImportFailed() throws IOException {
        try (var browser = Browser.open()) {
            browser.driver().manage().window().setSize(new Dimension(1366, 850));
            browser.login(vendorUser, PASSWORD).go("/imports/imports.xhtml");

            List<WebElement> choices = browser.all(By.cssSelector("[id='imports-form:kind'] label")).stream()
                    .filter(label -> !label.getText().isBlank()).toList();
            assertEquals(2, choices.size());
            assertTrue(choices.get(0).getText().contains("Shopify") && choices.get(0).getText().contains("WooCommerce"), choices.get(0).getText());
            assertFalse(overlap(choices.get(0).getRect(), choices.get(1).getRect()), "the two feed choices do not run into each other");

            WebElement reason = browser.find(By.xpath("//tbody[@id='imports-form:recent_data']/tr[.//a[normalize-space()='"
                    + failedImport + "']]//*[contains(@class,'failure')]"));
            assertEquals(failure.lines().findFirst().orElseThrow(), reason.getText());
            assertEquals(failure, reason.getDomAttribute("title"));
            browser.driver().executeScript("arguments[0].scrollIntoView()", reason);
            browser.screenshot("polish-imports-failed-reason");

            String jobsBefore = TestData.queryString("SELECT count(*) FROM public.job_instance WHERE jobname = 'product-import'");
            Path csv = Files.createTempFile("customers", ".csv");
            Files.writeString(csv, "sku,name,price\nX-1,Thing,1.00\n");
            browser.driver().findElement(By.id("imports-form:feed_input")).sendKeys(csv.toString());
            browser.click(By.cssSelector("[id='imports-form:feed'] .ui-fileupload-upload"));
            browser.waitForText("WooCommerce product CSV: ID, Type, SKU, Name, Regular price", Duration.ofSeconds(20));
            assertTrue(browser.pageText().contains("Shopify product CSV: Handle, Title, Variant SKU"), browser.pageText());
            assertEquals(jobsBefore, TestData.queryString("SELECT count(*) FROM public.job_instance WHERE jobname = 'product-import'"));
            browser.screenshot("polish-imports-unknown-csv");
        }
    }

    @Test
    void everyPageRendersAtALaptopsAndATabletsSize() {
        try (var browser = Browser.open()) {
            browser.login(admin, PASSWORD);
            for (Dimension size : List.of(new Dimension(1366, 850), new Dimension(800, 1024))) {
                browser.driver().manage().window().setSize(size);
                for (String page : PAGES) {
                    browser.go(page);
                    String name = "polish-" + page.substring(page.lastIndexOf('/') + 1).replace(".xhtml", "") + "-" + size.getWidth();
                    browser.screenshot(name);
                    assertTrue(browser.url().contains(page), "not sent elsewhere from " + page + ": " + browser.url());
                    assertFalse(browser.all(By.id("current-user")).isEmpty(), page + " shows the console's top bar");
                    Object overflow = browser.driver().executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                    System.out.println("[console-polish] " + name + " horizontal overflow " + overflow + " px");
                }
            }
        }
    }

    private static boolean overlap(Rectangle a, Rectangle b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    private static double fontSize(WebElement element) {
        return Double.parseDouble(element.getCssValue("font-size").replace("px", ""));
    }

    private static String oneSpaced(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
