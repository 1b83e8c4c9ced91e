package dev.orion.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.Browser;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.ProductTableReads;
import dev.orion.it.support.TestData;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The products page against a vendor with a million products: paging, sorting, filters, search, inline edit,
 * bulk actions, export, and proof that a page change reads one page from the database, not the catalogue.
 */
@ExtendWith(ArquillianExtension.class)
class ProductsConsoleIT extends OrionDeployment {

    private static final String PASSWORD = "a long enough password";
    /** Rows of the big vendor; one INSERT ... SELECT generate_series. */
    private static final int BIG = 1_000_000;
    private static final By ROWS = By.cssSelector("[id='products-form:products_data'] > tr");
    private static final By REPORT = By.cssSelector("[id='products-form:products'] .ui-paginator-current");

    private static String bigUser;
    private static String smallUser;
    private static String admin;
    private static String smallVendorName;
    private static long smallVendor;

    @BeforeAll
    static void arrange() {
        long big = TestData.vendor(TestData.unique("big"));
        long started = System.nanoTime();
        TestData.execute("INSERT INTO products (vendor_id, sku, title, brand, price_amount, price_currency, stock, availability)"
                + " SELECT ?, 'SKU-' || lpad(g::text, 7, '0'),"
                + " 'Item ' || g || CASE WHEN g % 50000 = 7 THEN ' zebra' ELSE '' END,"
                + " (ARRAY['Acme', 'Globex', 'Initech', 'Umbrella'])[g % 4 + 1], (g % 1000) + 0.99, 'EUR', g % 50, 'in_stock'"
                + " FROM generate_series(1, ?) g", big, BIG);
        TestData.execute("ANALYZE products");
        System.out.printf("[products] %,d products generated in %d ms%n", BIG, (System.nanoTime() - started) / 1_000_000);

        String smallCode = TestData.unique("small");
        smallVendor = TestData.vendor(smallCode);
        smallVendorName = "Vendor " + smallCode;
        TestData.product(smallVendor, "MINE-1", "Own lamp", "20.00");
        TestData.product(smallVendor, "MINE-2", "Own chair", "45.00");
        TestData.product(smallVendor, "MINE-3", "Own table", "120.00");

        bigUser = "big@" + TestData.unique("products") + ".example";
        smallUser = "small@" + TestData.unique("products") + ".example";
        admin = "admin@" + TestData.unique("products") + ".example";
        TestData.consoleUser(bigUser, PASSWORD, "VENDOR", big);
        TestData.consoleUser(smallUser, PASSWORD, "VENDOR", smallVendor);
        TestData.consoleUser(admin, PASSWORD, "ADMIN", null);
    }

    @Test
    void pagesOfAMillionProductsReadOnlyOnePageFromTheDatabase() {
        try (var browser = Browser.open()) {
            browser.login(bigUser, PASSWORD);
            long beforeFirst = ProductTableReads.settledTotal();
            browser.go("/catalog/products.xhtml");
            assertEquals("SKU-0000001", firstSku(browser));
            assertTrue(browser.text(REPORT).startsWith("1-25 of 100,000") || browser.text(REPORT).startsWith("1-25 of 100000"),
                    browser.text(REPORT));
            assertTrue(browser.pageText().contains("More than 100,000 products match"), "the count is capped and says so");
            browser.screenshot("products");
            long firstPageReads = ProductTableReads.settledTotal() - beforeFirst;

            long beforeNext = ProductTableReads.settledTotal();
            long millis = timedNext(browser, "SKU-0000026");
            long nextPageReads = ProductTableReads.settledTotal() - beforeNext;

            List<Long> times = new ArrayList<>(List.of(millis));
            for (int page = 2; page <= 6; page++) {
                times.add(timedNext(browser, "SKU-%07d".formatted(page * 25 + 1)));
            }
            System.out.printf("[products] page change with %,d products: %s ms (median %d ms)%n", BIG, times,
                    times.stream().sorted().toList().get(times.size() / 2));
            System.out.printf("[products] rows read from products: first page %,d (capped count + page), next page %,d%n",
                    firstPageReads, nextPageReads);
            // A full load would read 1,000,000 rows. A page change reads the page and the offset it skips (the count
            // is kept); the first page also counts, up to the cap of 100,001 rows (plus, when the planner counts by
            // a sequential scan, the other test classes' products stored before these).
            assertTrue(nextPageReads < 2_000, "a page change read " + nextPageReads + " rows");
            assertTrue(firstPageReads < BIG / 2, "the first page read " + firstPageReads + " rows");
        }
    }

    @Test
    void sortingColumnFiltersAndSearchNarrowTheRowsInTheDatabase() {
        try (var browser = Browser.open()) {
            browser.login(bigUser, PASSWORD).go("/catalog/products.xhtml");
            browser.click(By.cssSelector("[id='products-form:products:price'] .ui-column-title"));
            browser.waitForText("SKU-0001000", Duration.ofSeconds(20));
            assertEquals("SKU-0001000", firstSku(browser), "cheapest first (0.99), ties by id");

            browser.type(filter("sku"), "SKU-012345");
            waitForReport(browser, "1-10 of 10");
            assertTrue(rowSkus(browser).stream().allMatch(sku -> sku.startsWith("SKU-012345")), rowSkus(browser).toString());

            browser.go("/catalog/products.xhtml"); // a new view: no filters
            browser.type(By.id("products-form:products:globalFilter"), "zebra");
            waitForReport(browser, "1-20 of 20");
            assertTrue(browser.pageText().contains("Item 7 zebra"));

            browser.type(filter("sku"), "SKU-01");
            waitForReport(browser, "1-2 of 2");
            browser.waiting().until(d -> browser.find(By.id("products-form:export-csv")).getAttribute("href").contains("sku=SKU-01"));
            String csv = export(browser, "products-form:export-csv");
            List<String> lines = csv.lines().toList();
            assertEquals("sku,title,brand,gtin,price,currency,stock,availability,updated_at", lines.get(0));
            assertEquals(List.of("SKU-0100007", "SKU-0150007"), lines.stream().skip(1).map(line -> line.split(",")[0]).toList(), csv);
            assertTrue(lines.stream().skip(1).allMatch(line -> line.contains("zebra")), csv);
        }
    }

    @Test
    void inlineEditSavesPriceAndStockAndRefusesNegativeStockOrAStaleRow() {
        String mineId = TestData.queryString("SELECT id FROM products WHERE vendor_id = ? AND sku = 'MINE-1'", smallVendor);
        try (var browser = Browser.open()) {
            browser.login(smallUser, PASSWORD).go("/catalog/products.xhtml");
            WebElement row = rowOf(browser, "MINE-1");
            row.findElement(By.cssSelector(".ui-row-editor-pencil")).click();
            browser.type(By.id(editorId(browser, "MINE-1", "price-input")), "19.90");
            browser.type(By.id(editorId(browser, "MINE-1", "stock-input")), "7");
            browser.click(By.cssSelector("[data-rk='" + mineId + "'] .ui-row-editor-check"));
            browser.waitForText("Product MINE-1 saved.", Duration.ofSeconds(10));
            assertEquals("19.90", TestData.queryString("SELECT price_amount FROM products WHERE id = ?::bigint", mineId));
            assertEquals("7", TestData.queryString("SELECT stock FROM products WHERE id = ?::bigint", mineId));

            rowOf(browser, "MINE-1").findElement(By.cssSelector(".ui-row-editor-pencil")).click();
            browser.type(By.id(editorId(browser, "MINE-1", "stock-input")), "-3");
            browser.click(By.cssSelector("[data-rk='" + mineId + "'] .ui-row-editor-check"));
            browser.waitForText("The stock cannot be negative.", Duration.ofSeconds(10));
            assertEquals("7", TestData.queryString("SELECT stock FROM products WHERE id = ?::bigint", mineId), "nothing saved");
            browser.screenshot("products-edit-refused");

            // someone else saves the product while the row is being edited: this save is refused, not lost over theirs
            TestData.execute("UPDATE products SET stock = 30, version = version + 1 WHERE id = ?::bigint", mineId);
            browser.type(By.id(editorId(browser, "MINE-1", "stock-input")), "8");
            browser.click(By.cssSelector("[data-rk='" + mineId + "'] .ui-row-editor-check"));
            browser.waitForText("was changed by someone else meanwhile", Duration.ofSeconds(10));
            assertEquals("30", TestData.queryString("SELECT stock FROM products WHERE id = ?::bigint", mineId));
        }
    }

    @Test
    void theDetailFormSavesFieldsAndRefusesANegativePrice() {
        String id = TestData.queryString("SELECT id FROM products WHERE vendor_id = ? AND sku = 'MINE-3'", smallVendor);
        try (var browser = Browser.open()) {
            browser.login(bigUser, PASSWORD).go("/catalog/product.xhtml?id=" + id);
            assertTrue(browser.pageText().contains("There is no such product"), "another vendor's product stays hidden");
        }
        try (var browser = Browser.open()) {
            browser.login(smallUser, PASSWORD).go("/catalog/product.xhtml?id=" + id);
            assertEquals("MINE-3", browser.text(By.id("product-form:product-sku")));
            browser.type(By.id("product-form:price"), "-1");
            browser.click(By.id("product-form:save"));
            browser.waitForText("The price cannot be negative.", Duration.ofSeconds(10));
            assertEquals("120.00", TestData.queryString("SELECT price_amount FROM products WHERE id = ?::bigint", id));

            browser.type(By.id("product-form:price"), "99.50");
            browser.type(By.id("product-form:title"), "Own oak table");
            browser.type(By.id("product-form:brand"), "Oakworks");
            browser.click(By.id("product-form:save"));
            browser.screenshot("product-detail");
            browser.waitForText("Product MINE-3 saved.", Duration.ofSeconds(10));
            assertEquals("Own oak table|Oakworks|99.50", TestData.queryString(
                    "SELECT title || '|' || brand || '|' || price_amount FROM products WHERE id = ?::bigint", id));
        }
    }

    @Test
    void aVendorUserSeesAndExportsOnlyTheirOwnProducts() {
        try (var browser = Browser.open()) {
            browser.login(smallUser, PASSWORD).go("/catalog/products.xhtml");
            assertEquals(List.of("MINE-1", "MINE-2", "MINE-3"), rowSkus(browser));
            assertTrue(browser.all(By.id("products-form:vendor")).isEmpty(), "no vendor choice for a VENDOR user");
            String href = browser.find(By.id("products-form:export-csv")).getAttribute("href");
            // another vendor named in the URL changes nothing: the vendor comes from the signed-in user
            String csv = fetch(browser, href.replaceAll("vendor=\\d+", "vendor=1"));
            assertEquals(4, csv.lines().count(), csv);
            assertFalse(csv.contains("SKU-"), csv);
        }
    }

    @Test
    void anAdminPicksTheVendorAndMarksSelectedProductsOutOfStock() {
        try (var browser = Browser.open()) {
            browser.login(admin, PASSWORD).go("/catalog/products.xhtml");
            browser.choose("products-form:vendor", smallVendorName);
            browser.waitForText("MINE-3", Duration.ofSeconds(10));
            assertEquals(List.of("MINE-1", "MINE-2", "MINE-3"), rowSkus(browser));

            rowOf(browser, "MINE-2").findElement(By.cssSelector(".ui-chkbox-box")).click();
            rowOf(browser, "MINE-3").findElement(By.cssSelector(".ui-chkbox-box")).click();
            browser.click(By.id("products-form:bulk-out"));
            browser.click(By.id("products-form:confirm-yes"));
            browser.waitForText("2 product(s) now Out of stock.", Duration.ofSeconds(10));
            assertEquals("out_of_stock", TestData.queryString("SELECT availability FROM products WHERE vendor_id = ? AND sku = 'MINE-2'", smallVendor));
            assertEquals("out_of_stock", TestData.queryString("SELECT availability FROM products WHERE vendor_id = ? AND sku = 'MINE-3'", smallVendor));
            assertEquals("in_stock", TestData.queryString("SELECT availability FROM products WHERE vendor_id = ? AND sku = 'MINE-1'", smallVendor));
            assertEquals("1", TestData.queryString("SELECT count(*) FROM audit_log WHERE actor = ? AND action = 'product.bulk-availability'", admin));

            // all or nothing: MINE-1 has too little stock for -11, so MINE-2 keeps its stock too
            TestData.execute("UPDATE products SET stock = 50 WHERE vendor_id = ? AND sku = 'MINE-2'", smallVendor);
            String mine2Stock = TestData.queryString("SELECT stock FROM products WHERE vendor_id = ? AND sku = 'MINE-2'", smallVendor);
            rowOf(browser, "MINE-1").findElement(By.cssSelector(".ui-chkbox-box")).click();
            rowOf(browser, "MINE-2").findElement(By.cssSelector(".ui-chkbox-box")).click();
            browser.type(By.id("products-form:stock-delta"), "-11");
            browser.click(By.id("products-form:bulk-adjust"));
            browser.click(By.id("products-form:confirm-yes"));
            browser.waitForText("stock would go below zero for MINE-1.", Duration.ofSeconds(10));
            assertEquals(mine2Stock, TestData.queryString("SELECT stock FROM products WHERE vendor_id = ? AND sku = 'MINE-2'", smallVendor));

            byte[] xlsx = Http.plain().sendForBytes(withSession(browser,
                    browser.find(By.id("products-form:export-xlsx")).getAttribute("href"))).body();
            assertEquals("PK", new String(Arrays.copyOf(xlsx, 2)), "an XLSX file is a ZIP");
        }
    }

    /**
     * Clicks "next" and returns the milliseconds until the table shows the page starting with {@code firstSku},
     * timed inside the browser (polling the DOM every 5 ms), so WebDriver's own round trips are not counted.
     */
    private static long timedNext(Browser browser, String firstSku) {
        Object millis = browser.driver().executeAsyncScript(
                "var expected = arguments[0], done = arguments[arguments.length - 1], started = performance.now();"
                        + "var first = function () { var cell = document.querySelector(\"[id='products-form:products_data'] > tr > td:nth-child(2)\");"
                        + " return cell ? cell.textContent.trim() : ''; };"
                        + "document.querySelector(\"[id='products-form:products'] .ui-paginator-next\").click();"
                        + "(function poll() { if (first() === expected) { done(performance.now() - started); } else { setTimeout(poll, 5); } })();",
                firstSku);
        browser.waitForAjax();
        assertEquals(firstSku, firstSku(browser));
        return Math.round(((Number) millis).doubleValue());
    }

    private static By filter(String column) {
        return By.cssSelector("[id='products-form:products:" + column + "'] .ui-column-filter");
    }

    private static void waitForReport(Browser browser, String report) {
        browser.waiting().until(d -> browser.text(REPORT).startsWith(report));
    }

    private static String firstSku(Browser browser) {
        return rowSkus(browser).stream().findFirst().orElse("");
    }

    private static List<String> rowSkus(Browser browser) {
        return browser.all(ROWS).stream()
                .map(row -> row.findElements(By.tagName("td")))
                .filter(cells -> cells.size() > 1)
                .map(cells -> cells.get(1).getText().strip())
                .toList();
    }

    private static WebElement rowOf(Browser browser, String sku) {
        return browser.all(ROWS).stream()
                .filter(row -> row.findElements(By.tagName("td")).size() > 1
                        && row.findElements(By.tagName("td")).get(1).getText().strip().equals(sku))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + sku));
    }

    /** The client id of an editor input in the row of {@code sku} (rows are numbered on the page). */
    private static String editorId(Browser browser, String sku, String input) {
        int index = rowSkus(browser).indexOf(sku);
        return "products-form:products:" + index + ":" + input;
    }

    private static String export(Browser browser, String linkId) {
        return fetch(browser, browser.find(By.id(linkId)).getAttribute("href"));
    }

    private static String fetch(Browser browser, String url) {
        var response = Http.plain().send(withSession(browser, url));
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static HttpRequest.Builder withSession(Browser browser, String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue()).GET();
    }
}
