package dev.orion.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.Browser;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The imports page: upload a feed, follow its progress, read its result and rejected rows, in a real browser. */
@ExtendWith(ArquillianExtension.class)
class ImportsConsoleIT extends OrionDeployment {

    private static final String PASSWORD = "a long enough password";
    private static final int GOOD_ROWS = 3000;
    private static long vendorId;
    private static String vendorName;
    private static String vendorUser;
    private static String otherVendorUser;
    private static String staff;

    @BeforeAll
    static void arrange() {
        String code = TestData.unique("imp");
        vendorId = TestData.vendor(code);
        vendorName = "Vendor " + code;
        vendorUser = "vendor@" + code + ".example";
        TestData.consoleUser(vendorUser, PASSWORD, "VENDOR", vendorId);
        String other = TestData.unique("imp-other");
        otherVendorUser = "vendor@" + other + ".example";
        TestData.consoleUser(otherVendorUser, PASSWORD, "VENDOR", TestData.vendor(other));
        staff = "staff@" + TestData.unique("imp") + ".example";
        TestData.consoleUser(staff, PASSWORD, "STAFF", null);
    }

    /** A Google Merchant TSV: two broken rows first (lines 2 and 3), then good ones, enough to be followed for a while. */
    private static Path merchantFeed() {
        var feed = new StringBuilder("id\ttitle\tprice\tavailability\n");
        feed.append("BAD-1\tCup\tfree\tin_stock\n");
        feed.append("BAD-2\tSaucer\t2.00 EUR\tsometimes\n");
        for (int i = 1; i <= GOOD_ROWS; i++) {
            feed.append("MUG-").append(i).append("\tMug ").append(i).append('\t').append(i % 50 + 1).append(".00 EUR\tin_stock\n");
        }
        return file("feed", ".tsv", feed.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void vendorUploadsAFeedAndFollowsItToItsCountsAndRejects() {
        long importId;
        String rejectsUrl;
        try (var browser = Browser.open()) {
            browser.login(vendorUser, PASSWORD).go("/imports/imports.xhtml");
            assertTrue(browser.all(By.id("imports-form:vendor")).isEmpty(), "a VENDOR user has no vendor to choose");
            assertEquals(vendorName, browser.text(By.id("imports-form:own-vendor")));

            upload(browser, merchantFeed());
            showCurrentImport(browser);
            browser.screenshot("import-progress");
            List<Long> readSeen = new ArrayList<>();
            List<Integer> barSeen = new ArrayList<>();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(120)) // figures re-rendered by the poll as they are read
                    .ignoring(StaleElementReferenceException.class).ignoring(NumberFormatException.class).until(d -> {
                readSeen.add(Long.parseLong(d.findElement(By.id("imports-form:rows-read")).getText()));
                barSeen.add(Integer.parseInt(d.findElement(By.id("imports-form:progress-bar")).getAttribute("aria-valuenow")));
                return d.findElement(By.id("imports-form:status")).getText().equals("COMPLETED");
            });
            assertEquals(readSeen.stream().sorted().toList(), readSeen, "rows read only grow: " + readSeen);
            assertEquals(barSeen.stream().sorted().toList(), barSeen, "the bar only moves forward: " + barSeen);
            assertTrue(Double.parseDouble(browser.text(By.id("imports-form:rate"))) > 0, "rows per second are shown");

            assertEquals(Long.toString(GOOD_ROWS + 2), browser.text(By.id("imports-form:rows-read")));
            assertEquals(Long.toString(GOOD_ROWS), browser.text(By.id("imports-form:rows-written")));
            assertEquals("2", browser.text(By.id("imports-form:rows-skipped")));
            assertEquals(Long.toString(GOOD_ROWS + 2), browser.text(By.id("imports-form:rows-total")));
            assertEquals("100", browser.find(By.id("imports-form:progress-bar")).getAttribute("aria-valuenow"));
            assertEquals("0 s", browser.text(By.id("imports-form:eta")));
            var rejected = browser.all(By.cssSelector("[id='imports-form:issues_data'] tr"));
            assertEquals(2, rejected.size());
            assertTrue(rejected.get(0).getText().startsWith("2 price free"), rejected.get(0).getText());
            assertTrue(rejected.get(1).getText().startsWith("3 availability sometimes"), rejected.get(1).getText());
            assertEquals(Integer.toString(GOOD_ROWS), TestData.queryString("SELECT count(*) FROM products WHERE vendor_id = ?", vendorId));

            showCurrentImport(browser);
            browser.screenshot("imports");
            rejectsUrl = browser.find(By.id("imports-form:rejects-download")).getAttribute("href");
            importId = Long.parseLong(rejectsUrl.replaceAll(".*id=", ""));
            assertEquals(vendorUser + "|console-user|import|" + importId, TestData.queryString("SELECT string_agg(actor || '|' || actor_type"
                    + " || '|' || entity_type || '|' || entity_id, ',') FROM audit_log WHERE vendor_id = ? AND action = 'import.start'", vendorId),
                    "the start is in the audit log once, as the console user's");
            String audited = TestData.queryString("SELECT details FROM audit_log WHERE vendor_id = ? AND action = 'import.start'", vendorId);
            assertTrue(audited.matches("console upload \\S+\\.tsv \\(update\\)"), audited);
            HttpResponse<String> rejects = download(browser, rejectsUrl);
            assertEquals(200, rejects.statusCode());
            List<String> lines = rejects.body().lines().toList();
            assertEquals(List.of("line", "column", "value", "reason", "severity"), List.of(lines.get(0).split(",")));
            assertEquals(3, lines.size(), rejects.body());
            assertTrue(lines.get(1).startsWith("2,price,free,") && lines.get(1).endsWith(",rejected"), lines.get(1));
            assertTrue(lines.get(1).split(",", 4)[3].length() > ",rejected".length(), "the reason is given: " + lines.get(1));
            assertTrue(lines.get(2).startsWith("3,availability,sometimes,"), lines.get(2));

            browser.go("/imports/imports.xhtml");
            assertTrue(browser.text(By.id("imports-form:recent")).contains(Long.toString(importId)), "listed among recent imports");
        }
        try (var other = Browser.open()) {
            other.login(otherVendorUser, PASSWORD).go("/imports/imports.xhtml?id=" + importId);
            assertTrue(other.all(By.id("imports-form:status")).isEmpty(), "another vendor's import is not shown");
            assertTrue(!other.text(By.id("imports-form:recent")).contains(Long.toString(importId)));
            assertEquals(404, download(other, rejectsUrl).statusCode(), "nor its rejects");
        }
    }

    @Test
    void aDryRunShowsWhatWouldChangeAndItsIssueGroupsThenApplyImportsTheFileAndRevertUndoesIt() {
        String code = TestData.unique("dry");
        long vendor = TestData.vendor(code);
        String user = "vendor@" + code + ".example";
        TestData.consoleUser(user, PASSWORD, "VENDOR", vendor);
        TestData.product(vendor, "D-1", "Mug", "5.00");
        String feed = "id\ttitle\tprice\tavailability\nD-1\tMug\t6.00 EUR\tin_stock\nD-2\tJug\t9.00 EUR\tin_stock\n"
                + "D-3\tBowl\tfree\tin_stock\n";
        try (var browser = Browser.open()) {
            browser.login(user, PASSWORD).go("/imports/imports.xhtml");
            browser.click(By.cssSelector("[id='imports-form:dry-run'] .ui-chkbox-box"));
            upload(browser, file("dry", ".tsv", feed.getBytes(StandardCharsets.UTF_8)));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("imports-form:status")).getText().equals("COMPLETED"));

            assertEquals("1", browser.text(By.id("imports-form:preview-created")));
            assertEquals("1", browser.text(By.id("imports-form:preview-changed")));
            assertEquals("1", browser.text(By.id("imports-form:preview-rejected")));
            assertTrue(browser.text(By.id("imports-form:preview-changes")).contains("D-1 changed price 5.00 EUR 6.00 EUR"),
                    browser.text(By.id("imports-form:preview-changes")));
            var groups = browser.all(By.cssSelector("[id='imports-form:issue-groups_data'] tr"));
            assertEquals(1, groups.size());
            assertTrue(groups.get(0).getText().startsWith("price_format price Rejected 1"), groups.get(0).getText());
            assertEquals("5.00|0", TestData.queryString("SELECT price_amount || '|' || version FROM products WHERE vendor_id = ? AND sku = 'D-1'", vendor),
                    "the dry run changed nothing");
            showCurrentImport(browser);
            browser.screenshot("import-dry-run");

            browser.click(By.id("imports-form:apply"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.id("imports-form:preview")).isEmpty()
                            && d.findElement(By.id("imports-form:status")).getText().equals("COMPLETED"));
            assertEquals("6.00|1,9.00|0", TestData.queryString("SELECT string_agg(price_amount || '|' || version, ',' ORDER BY sku)"
                    + " FROM products WHERE vendor_id = ?", vendor), "the applied import made the previewed changes");

            browser.click(By.id("imports-form:revert")); // asks for confirmation first
            browser.click(By.id("imports-form:confirm-yes"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                    .until(d -> !d.findElements(By.id("imports-form:revert-summary")).isEmpty());
            assertTrue(browser.pageText().contains("Import reverted: 1 product(s) restored, 1 removed"), browser.pageText());
            assertTrue(browser.all(By.id("imports-form:revert")).isEmpty(), "an import is reverted once");
            assertEquals("D-1|5.00", TestData.queryString("SELECT string_agg(sku || '|' || price_amount, ',' ORDER BY sku)"
                    + " FROM products WHERE vendor_id = ?", vendor), "the revert gave D-1 its price back and removed D-2");
        }
    }

    @Test
    void emptyOrBinaryFilesAndBadParametersAreRefusedClearly() {
        try (var browser = Browser.open()) {
            browser.login(staff, PASSWORD).go("/imports/imports.xhtml");
            assertTrue(browser.find(By.id("imports-form:vendor")).isDisplayed(), "platform users choose the vendor");

            upload(browser, file("empty", ".tsv", new byte[0]));
            browser.waitForText("was refused", Duration.ofSeconds(20));
            assertTrue(browser.text(By.id("imports-form:feed-message")).contains("The feed is empty"), browser.pageText());
            assertTrue(browser.all(By.id("imports-form:status")).isEmpty(), "no import started");

            upload(browser, file("picture", ".png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}));
            browser.waitForText("not a text file", Duration.ofSeconds(20));
            assertTrue(browser.all(By.id("imports-form:status")).isEmpty(), "no import started");

            browser.type(By.id("imports-form:skip-limit"), "-5");
            browser.find(By.id("imports-form:start")).click(); // leaves the field: its change is checked
            browser.waitForText("a whole number from 0 to 1000000", Duration.ofSeconds(10));
        }
    }

    private static void upload(Browser browser, Path file) {
        browser.driver().findElement(By.id("imports-form:feed_input")).sendKeys(file.toString());
        browser.click(By.cssSelector("[id='imports-form:feed'] .ui-fileupload-upload"));
    }

    private static void showCurrentImport(Browser browser) {
        browser.driver().executeScript("arguments[0].scrollIntoView()", browser.find(By.id("imports-form:current")));
    }

    private static HttpResponse<String> download(Browser browser, String url) {
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        return Http.plain().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "JSESSIONID=" + session));
    }

    private static Path file(String prefix, String suffix, byte[] content) {
        try {
            Path file = Files.createTempFile(prefix, suffix);
            Files.write(file, content);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
