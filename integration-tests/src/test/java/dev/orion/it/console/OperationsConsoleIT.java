package dev.orion.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Browser;
import dev.orion.it.support.Http;
import dev.orion.it.support.InjectedFailure;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The operations pages (batch monitor, schedules, emails) as platform staff use them, in a real browser. */
@ExtendWith(ArquillianExtension.class)
class OperationsConsoleIT extends OrionDeployment {

    private static final String PASSWORD = "operations staff password";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static String staff;

    @BeforeAll
    static void arrange() {
        staff = "staff@" + TestData.unique("ops") + ".example";
        TestData.consoleUser(staff, PASSWORD, "STAFF", null);
    }

    @Test
    void aFailedImportIsListedAndRestartingItFromItsDetailPageCreatesANewExecution() {
        var vendor = ApiSession.newVendor("opsb");
        var platform = ApiSession.newPlatform("opsb");
        JsonObject failed;
        try (var failure = new InjectedFailure("fail_ops_console_" + vendor.vendorId, "products",
                "NEW.vendor_id = " + vendor.vendorId + " AND NEW.sku = 'SKU-7'")) {
            long id = Http.json(vendor.post("/imports", "text/tab-separated-values", feed(12))).getJsonNumber("id").longValue();
            failed = Poll.until(Duration.ofSeconds(60), () -> Http.json(platform.get("/batch/executions/" + id)), JobStatus::ended);
        }
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        long failedId = failed.getJsonNumber("id").longValue();

        try (var browser = Browser.open()) {
            browser.login(staff, PASSWORD).go("/platform/batch.xhtml");
            choose(browser, "batch-form:status", "FAILED");
            WebElement link = browser.find(By.xpath("//table//a[normalize-space(.)='" + failedId + "']"));
            assertTrue(rowOf(link).getText().contains("FAILED"), rowOf(link).getText());
            browser.screenshot("batch");

            link.click();
            browser.waitForAjax();
            assertEquals("FAILED", browser.text(By.id("execution-status")));
            assertTrue(browser.pageText().contains("import-rows"), "the step is listed");
            assertTrue(chartHasPixels(browser), "the step metrics chart is drawn (CSP allows it)");
            browser.driver().executeScript("window.scrollTo(0, 200)");
            browser.screenshot("execution");

            browser.click(By.id("execution-form:restart"));
            browser.click(By.id("execution-form:confirm-yes"));
            browser.waitForText("Restarted as execution", Duration.ofSeconds(20));
        }
        String executions = TestData.queryString("SELECT count(*) FROM job_execution WHERE jobinstanceid ="
                + " (SELECT jobinstanceid FROM job_execution WHERE jobexecutionid = ?)", failedId);
        assertEquals("2", executions, "the restart is a new execution of the same job instance");
        long restartedId = Long.parseLong(TestData.queryString("SELECT max(jobexecutionid) FROM job_execution WHERE jobinstanceid ="
                + " (SELECT jobinstanceid FROM job_execution WHERE jobexecutionid = ?)", failedId));
        assertNotEquals(failedId, restartedId);
        JsonObject done = Poll.until(Duration.ofSeconds(60), () -> Http.json(platform.get("/batch/executions/" + restartedId)), JobStatus::ended);
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("12", TestData.queryString("SELECT count(*) FROM products WHERE vendor_id = ?", vendor.vendorId));
    }

    @Test
    void vendorUsersGetTheForbiddenPageForOperations() {
        String vendorUser = "vendor@" + TestData.unique("ops") + ".example";
        TestData.consoleUser(vendorUser, PASSWORD, "VENDOR", TestData.vendor(TestData.unique("opsv")));
        try (var browser = Browser.open()) {
            browser.login(vendorUser, PASSWORD);
            for (String page : List.of("/platform/batch.xhtml", "/platform/schedules.xhtml", "/platform/emails.xhtml")) {
                browser.go(page);
                assertTrue(browser.find(By.id("forbidden-page")).getText().contains("Not allowed"), page);
            }
        }
        try (var browser = Browser.open()) {
            browser.login(staff, PASSWORD).go("/platform/schedules.xhtml");
            assertTrue(browser.pageText().contains("housekeeping"), "staff see the schedules");
        }
    }

    @Test
    void editingAScheduleValidatesNextToTheFieldPreviewsFiveRunsSavesAndPausesAndResumes() {
        String name = TestData.unique("ops-schedule");
        TestData.execute("INSERT INTO schedules (name, task, second, minute, hour, day_of_month, month, time_zone)"
                + " VALUES (?, 'housekeeping', '0', '0', '3', '1', '1', 'Europe/Paris')", name);
        try (var browser = Browser.open()) {
            browser.login(staff, PASSWORD).go("/platform/schedules.xhtml");
            browser.click(By.xpath(rowButton(name, "edit")));
            browser.find(By.id("edit-form:minute"));
            assertEquals(name, browser.text(By.id("edit-name")));

            browser.type(By.id("edit-form:minute"), "75");
            browser.click(By.id("edit-form:preview-button"));
            assertFalse(message(browser, "edit-form:minute-message").isBlank(), "the refusal shows next to the minute");
            assertTrue(message(browser, "edit-form:hour-message").isBlank(), "not next to the hour");
            assertTrue(browser.all(By.cssSelector("li.preview-time")).isEmpty());

            browser.type(By.id("edit-form:minute"), "30");
            browser.type(By.id("edit-form:hour"), "4");
            browser.type(By.id("edit-form:dayOfMonth"), "*");
            browser.type(By.id("edit-form:month"), "*");
            browser.click(By.id("edit-form:preview-button"));
            List<String> times = browser.all(By.cssSelector("li.preview-time")).stream()
                    .map(time -> time.getAttribute("textContent").strip()).toList(); // the list may reach below the window
            assertEquals(5, times.size());
            assertTrue(times.stream().allMatch(t -> t.contains("04:30:00") && t.contains("Europe/Paris")), times.toString());
            assertEquals(5, times.stream().distinct().count(), "five different days: " + times);
            browser.driver().executeScript("arguments[0].scrollIntoView()", browser.find(By.id("edit-form:preview")));
            assertTrue(message(browser, "edit-form:minute-message").isBlank(), "the earlier refusal is gone");
            browser.screenshot("schedules");

            browser.click(By.id("edit-form:save"));
            browser.waitForText("saved", Duration.ofSeconds(10));
            assertEquals("30 4 * *", TestData.queryString(
                    "SELECT minute || ' ' || hour || ' ' || day_of_month || ' ' || month FROM schedules WHERE name = ?", name));
            assertEquals("04:30", TestData.queryString(
                    "SELECT to_char(next_run_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') FROM schedules WHERE name = ?", name),
                    "the next run follows the new expression");

            browser.click(By.xpath(rowButton(name, "pause")));
            browser.waitForText("paused", Duration.ofSeconds(10));
            assertEquals("f", TestData.queryString("SELECT enabled FROM schedules WHERE name = ?", name));
            assertTrue(rowOf(browser.find(By.xpath(rowButton(name, "resume")))).getText().contains("Paused"));

            browser.click(By.xpath(rowButton(name, "resume")));
            browser.waitForText("resumed", Duration.ofSeconds(10));
            assertEquals("t", TestData.queryString("SELECT enabled FROM schedules WHERE name = ?", name));
            assertNotNull(TestData.queryString("SELECT next_run_at FROM schedules WHERE name = ?", name));
        } finally {
            TestData.execute("UPDATE schedules SET enabled = false, revision = revision + 1 WHERE name = ?", name);
        }
    }

    @Test
    void theDeadLettersFilterPreviewsAndAreResent() {
        String domain = TestData.unique("opsmail") + ".example";
        String to = "ada@" + domain;
        long failedId = email(to, "FAILED", "Gave up after its last attempt; last error: Couldn't connect");
        long sentId = email("bob@" + domain, "SENT", null);
        try (var browser = Browser.open()) {
            browser.login(staff, PASSWORD).go("/platform/emails.xhtml");
            browser.type(By.id("emails-form:recipient"), domain);
            browser.click(By.id("emails-form:search"));
            assertTrue(rowWithId("emails-form:tabs:emails", sentId, browser).isPresent(), "all statuses at first");
            choose(browser, "emails-form:tabs:status", "Failed");
            assertTrue(rowWithId("emails-form:tabs:emails", failedId, browser).isPresent());
            assertTrue(rowWithId("emails-form:tabs:emails", sentId, browser).isEmpty(), "the SENT one is filtered out");

            browser.click(By.xpath(rowButton(to, "show")));
            assertEquals("Reset your Orion password", browser.text(By.id("preview-subject")));
            browser.driver().switchTo().frame(browser.find(By.id("preview-html")));
            assertTrue(browser.driver().findElement(By.tagName("body")).getText().contains("Hello Ada"), "the rendered HTML");
            browser.driver().switchTo().defaultContent();
            browser.screenshot("emails");
            browser.click(By.cssSelector("[id='preview-dialog'] .ui-dialog-titlebar-close"));

            browser.click(By.xpath(rowButton(to, "resend")));
            browser.click(By.id("emails-form:confirm-yes"));
            browser.waitForText("queued again", Duration.ofSeconds(10));
        }
        assertTrue(List.of("QUEUED", "SENT").contains(TestData.queryString("SELECT status FROM email_outbox WHERE id = ?", failedId)));
        var received = Poll.until(Duration.ofSeconds(30), () -> SMTP.getReceivedMessagesForDomain(to), m -> m.length > 0);
        assertEquals(1, received.length);
        assertEquals("SENT", Poll.until(Duration.ofSeconds(10),
                () -> TestData.queryString("SELECT status FROM email_outbox WHERE id = ?", failedId), "SENT"::equals));
    }

    private static long email(String to, String status, String lastError) {
        return Long.parseLong(TestData.queryString("INSERT INTO email_outbox (dedupe_key, template, locale, recipient, subject, model,"
                        + " status, attempts, last_error) VALUES (?, 'password-reset', 'en', ?, 'Reset your Orion password', ?, ?, 4, ?) RETURNING id",
                TestData.unique("ops-email"), to, "{\"name\": \"Ada\", \"link\": \"https://orion.example/reset\", \"minutes\": 30}",
                status, lastError));
    }

    /** The text of a p:message, empty when it shows nothing (it may then have no size, so it is never "visible"). */
    private static String message(Browser browser, String id) {
        return browser.all(By.id(id)).stream().map(WebElement::getText).findFirst().orElse("");
    }

    private static java.util.Optional<WebElement> rowWithId(String table, long id, Browser browser) {
        return browser.all(By.cssSelector("[id='" + table + "_data'] tr")).stream()
                .filter(row -> row.findElements(By.tagName("td")).stream().findFirst()
                        .map(cell -> cell.getText().strip().equals(Long.toString(id))).orElse(false))
                .findFirst();
    }

    /** The button whose id ends with {@code :<button>} in the table row that mentions {@code text}. */
    private static String rowButton(String text, String button) {
        return "//tr[td[contains(normalize-space(.), '" + text + "')]]//button[substring(@id, string-length(@id) - "
                + button.length() + ") = ':" + button + "']";
    }

    private static WebElement rowOf(WebElement inside) {
        return inside.findElement(By.xpath("./ancestor::tr[1]"));
    }

    private static void choose(Browser browser, String menuId, String label) {
        browser.choose(menuId, label);
    }

    /** True once the chart's canvas has something drawn on it (Chart.js ran under the page's CSP). */
    private static boolean chartHasPixels(Browser browser) {
        return Poll.until(Duration.ofSeconds(10), () -> (Boolean) browser.driver().executeScript(
                "var c = document.querySelector('.ui-chart canvas'); if (!c || !c.width || !c.height) return false;"
                        + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + " for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false;"), Boolean.TRUE::equals);
    }

    private static byte[] feed(int rows) {
        var feed = new StringBuilder("id\ttitle\tprice\tavailability\n");
        for (int i = 1; i <= rows; i++) {
            feed.append("SKU-").append(i).append("\tItem ").append(i).append('\t').append(i).append(".00 EUR\tin_stock\n");
        }
        return feed.toString().getBytes(StandardCharsets.UTF_8);
    }
}
