package dev.orion.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.Browser;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The orders list and an order's page, as vendor users use them. */
@ExtendWith(ArquillianExtension.class)
class OrdersConsoleIT extends OrionDeployment {

    private static final String PASSWORD = "a long enough password";
    private static String code;
    private static long vendor;
    private static String user;
    private static String otherUser;
    private static long pending;
    private static long confirmed;

    @BeforeAll
    static void arrange() {
        code = TestData.unique("orders");
        vendor = TestData.vendor(code);
        long otherVendor = TestData.vendor(TestData.unique("orders-other"));
        user = "vendor@" + code + ".example";
        otherUser = "other@" + code + ".example";
        TestData.consoleUser(user, PASSWORD, "VENDOR", vendor);
        TestData.consoleUser(otherUser, PASSWORD, "VENDOR", otherVendor);
        pending = TestData.pendingOrder(vendor, "alice@" + code + ".example", "LAMP-" + code, "12.50");
        TestData.execute("INSERT INTO order_status_history (order_id, to_status, changed_by) VALUES (?, 'PENDING', 'api')", pending);
        confirmed = TestData.pendingOrder(vendor, "bob@" + code + ".example", "DESK-" + code, "80.00");
        TestData.execute("UPDATE orders SET status = 'CONFIRMED' WHERE id = ?", confirmed);
        TestData.pendingOrder(otherVendor, "alice@" + code + ".example", "LAMP-" + code, "999.00");
    }

    @Test
    void filtersNarrowTheList() {
        String list = TestData.unique("orders-list");
        long listVendor = TestData.vendor(list);
        String listUser = "vendor@" + list + ".example";
        TestData.consoleUser(listUser, PASSWORD, "VENDOR", listVendor);
        long first = TestData.pendingOrder(listVendor, "alice@" + list + ".example", "LAMP", "12.50");
        long second = TestData.pendingOrder(listVendor, "bob@" + list + ".example", "DESK", "80.00");
        TestData.execute("UPDATE orders SET status = 'CONFIRMED', external_id = ? WHERE id = ?", "MKT-" + list, second);
        long third = TestData.pendingOrder(listVendor, "carol@" + list + ".example", "CHAIR", "30.00");
        TestData.execute("UPDATE orders SET created_at = now() - INTERVAL '10 days' WHERE id = ?", third);

        try (var browser = Browser.open()) {
            browser.login(listUser, PASSWORD).go("/orders/orders.xhtml");
            assertEquals(List.of(third, second, first), shownOrders(browser), "the vendor's orders, newest first, no one else's");
            browser.screenshot("orders");

            pickStatus(browser, "CONFIRMED");
            browser.click(By.id("orders-form:apply"));
            assertEquals(List.of(second), shownOrders(browser), browser.pageText());

            pickStatus(browser, "");
            browser.type(By.id("orders-form:search"), "ALICE@" + list);
            browser.click(By.id("orders-form:apply"));
            assertEquals(List.of(first), shownOrders(browser), "search by part of the email, any case");

            browser.type(By.id("orders-form:search"), "MKT-" + list);
            browser.click(By.id("orders-form:apply"));
            assertEquals(List.of(second), shownOrders(browser), "search by external id");

            browser.find(By.id("orders-form:search")).clear();
            browser.type(By.id("orders-form:from_input"), LocalDate.now(ZoneOffset.UTC).minusDays(2).toString());
            browser.find(By.id("orders-form:from_input")).sendKeys(Keys.ESCAPE);
            browser.click(By.id("orders-form:apply"));
            assertEquals(List.of(second, first), shownOrders(browser), "the order of ten days ago is before the range");
        }
    }

    @Test
    void detailShowsLinesAndOnlyLegalTransitionsOneOfWhichChangesTheStatus() {
        try (var browser = Browser.open()) {
            browser.login(user, PASSWORD).go("/orders/order.xhtml?id=" + pending);
            assertTrue(browser.text(By.id("order-form:lines")).contains("LAMP-" + code));
            assertEquals("alice@" + code + ".example", browser.text(By.id("order-form:customer-email")));
            assertTrue(browser.all(By.id("order-form:to-SHIPPED")).isEmpty(), "a pending order cannot be shipped");
            assertTrue(browser.all(By.id("order-form:to-DELIVERED")).isEmpty());
            assertTrue(browser.all(By.id("order-form:to-REFUNDED")).isEmpty());
            assertTrue(browser.all(By.id("order-form:to-CANCELLED")).size() == 1);
            browser.screenshot("order");

            browser.click(By.id("order-form:to-CONFIRMED"));
            browser.waitForText("The order is now Confirmed.", Duration.ofSeconds(10));
            assertEquals("CONFIRMED", TestData.queryString("SELECT status FROM orders WHERE id = ?", pending));
            assertTrue(browser.text(By.id("timeline")).contains("Confirmed"), "the timeline shows the change");
            assertEquals("1", TestData.queryString("SELECT count(*) FROM email_outbox WHERE dedupe_key = ?", "order-confirmation:" + pending),
                    "confirming queues the confirmation email");
            assertTrue(browser.all(By.id("order-form:to-CONFIRMED")).isEmpty(), "no longer offered once confirmed");
            assertEquals(user + "|console-user|to CONFIRMED", TestData.queryString("SELECT string_agg(actor || '|' || actor_type || '|' || details, ',')"
                    + " FROM audit_log WHERE action = 'order.transition' AND entity_id = ?", Long.toString(pending)), "audited once, for the user");
        }
    }

    @Test
    void shippingNeedsATrackingNumber() {
        long order = TestData.pendingOrder(vendor, "dave@" + code + ".example", "LAMP-" + code, "12.50");
        TestData.execute("UPDATE orders SET status = 'CONFIRMED' WHERE id = ?", order);
        try (var browser = Browser.open()) {
            browser.login(user, PASSWORD).go("/orders/order.xhtml?id=" + order);
            browser.click(By.id("order-form:to-SHIPPED"));
            browser.click(By.id("ship-form:ship"));
            browser.waitForText("Enter the parcel's tracking number.", Duration.ofSeconds(10));
            assertEquals("CONFIRMED", TestData.queryString("SELECT status FROM orders WHERE id = ?", order));

            browser.type(By.id("ship-form:tracking"), "TRK-" + code);
            browser.click(By.id("ship-form:ship"));
            browser.waitForText("The order is now Shipped.", Duration.ofSeconds(10));
            assertEquals("SHIPPED", TestData.queryString("SELECT status FROM orders WHERE id = ?", order));
            assertEquals("TRK-" + code, TestData.queryString("SELECT tracking_number FROM orders WHERE id = ?", order));
            assertEquals("TRK-" + code, browser.text(By.id("order-form:tracking-number")));
        }
    }

    @Test
    void resendConfirmationQueuesANewEmailAndInvoiceDownloadsAPdf() {
        try (var browser = Browser.open()) {
            browser.login(user, PASSWORD).go("/orders/order.xhtml?id=" + confirmed);
            browser.click(By.id("order-form:resend-confirmation"));
            browser.waitForText("The confirmation email is queued for bob@" + code + ".example.", Duration.ofSeconds(10));
            assertEquals("1", TestData.queryString("SELECT count(*) FROM email_outbox WHERE dedupe_key LIKE ? AND recipient = ?",
                    "order-confirmation:" + confirmed + ":resend:%", "bob@" + code + ".example"));

            browser.click(By.id("order-form:invoice"));
            WebElement link = browser.find(By.id("order-form:invoice-download"));
            assertTrue(link.getText().endsWith(".pdf"), link.getText());
            HttpResponse<byte[]> pdf = download(browser, link.getAttribute("href"));
            assertEquals(200, pdf.statusCode());
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
            assertEquals("%PDF", new String(Arrays.copyOf(pdf.body(), 4), StandardCharsets.US_ASCII));
            assertEquals("1", TestData.queryString("SELECT count(*) FROM invoices WHERE order_id = ?", confirmed));
            assertEquals(user + "|order.confirmation.resend|order," + user + "|invoice.issue|invoice",
                    TestData.queryString("SELECT string_agg(actor || '|' || action || '|' || entity_type, ',' ORDER BY id) FROM audit_log"
                            + " WHERE (action = 'order.confirmation.resend' AND entity_id = ?)"
                            + " OR (action = 'invoice.issue' AND entity_id = (SELECT id::text FROM invoices WHERE order_id = ?))",
                            Long.toString(confirmed), confirmed), "the console's changes are audited by the services, for the user");
        }
    }

    @Test
    void aVendorCannotSeeAnotherVendorsOrder() {
        try (var browser = Browser.open()) {
            browser.login(otherUser, PASSWORD).go("/orders/order.xhtml?id=" + pending);
            assertTrue(browser.text(By.id("order-not-found")).contains("no such order"));
            assertFalse(browser.pageText().contains("alice@" + code), "none of the order's data");
            assertTrue(browser.all(By.id("order-form:lines")).isEmpty());
            assertEquals(404, download(browser, Browser.CONSOLE + "/orders/invoice?order=" + confirmed).statusCode(),
                    "nor its invoice");

            browser.go("/orders/orders.xhtml");
            assertFalse(shownOrders(browser).contains(pending));
        }
    }

    /** Picks a status the way the menu does when an item is clicked; "" is All. */
    private static void pickStatus(Browser browser, String status) {
        browser.driver().executeScript("PF('statusFilter').selectValue(arguments[0])", status);
        assertEquals(status, browser.driver().executeScript("return document.getElementById('orders-form:status_input').value"));
    }

    private static List<Long> shownOrders(Browser browser) {
        browser.waitForAjax();
        return browser.all(By.cssSelector("#orders-form\\:orders_data a[id$=':open']")).stream()
                .map(a -> Long.valueOf(a.getText().strip())).toList();
    }

    /** Fetches a URL in the browser's session, as a download would. */
    private static HttpResponse<byte[]> download(Browser browser, String url) {
        var session = browser.driver().manage().getCookieNamed("JSESSIONID");
        return Http.plain().sendForBytes(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "JSESSIONID=" + session.getValue()));
    }
}
