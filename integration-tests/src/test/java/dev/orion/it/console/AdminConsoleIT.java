package dev.orion.it.console;

import static dev.orion.it.support.AdminPages.choose;
import static dev.orion.it.support.AdminPages.confirm;
import static dev.orion.it.support.AdminPages.rowButton;
import static dev.orion.it.support.AdminPages.tokenStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.Browser;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The administration pages in a real browser: vendors, customers, subscriptions, API clients, users and the audit log. */
@ExtendWith(ArquillianExtension.class)
class AdminConsoleIT extends OrionDeployment {

    private static final String PASSWORD = "an admin password long enough";
    private static String admin;

    @BeforeAll
    static void arrange() {
        admin = TestData.unique("admin") + "@orion.example";
        TestData.consoleUser(admin, PASSWORD, "ADMIN", null);
    }

    @Test
    void aVendorIsCreatedEditedDeactivatedAndAudited() {
        String code = TestData.unique("acme");
        try (var browser = Browser.open()) {
            browser.login(admin, PASSWORD).go("/admin/vendors.xhtml");
            createVendor(browser, code, "Acme " + code);
            assertEquals("Acme " + code, TestData.queryString("SELECT name FROM vendors WHERE code = ?", code));
            browser.type(By.id("vendors-form:search"), code);
            browser.click(By.id("vendors-form:search-button"));
            assertTrue(browser.text(By.id("vendors-form:vendors")).contains("Acme " + code), "the new vendor is in the table");

            createVendor(browser, code, "Another with the same code");
            assertEquals("This code is already used by another vendor.", browser.text(By.id("vendor-form:code-message")));
            assertEquals("1", TestData.queryString("SELECT count(*) FROM vendors WHERE code = ?", code));
            browser.click(By.id("vendor-form:cancel"));

            browser.click(rowButton("vendors-form:vendors", code, "edit"));
            browser.type(By.id("vendor-form:feedUrl"), "file:///etc/passwd");
            browser.click(By.id("vendor-form:save"));
            assertEquals("The feed URL must be an http:// or https:// address.", browser.text(By.id("vendor-form:feedUrl-message")));
            assertEquals(null, TestData.queryString("SELECT orders_feed_url FROM vendors WHERE code = ?", code), "a refused URL is not saved");
            browser.type(By.id("vendor-form:feedUrl"), "https://feeds.example.com/" + code + ".jsonl");
            browser.click(By.id("vendor-form:save"));
            browser.waitForText("Vendor " + code + " saved.", Duration.ofSeconds(10));
            assertEquals("https://feeds.example.com/" + code + ".jsonl",
                    TestData.queryString("SELECT orders_feed_url FROM vendors WHERE code = ?", code));
            assertTrue(browser.text(By.id("vendors-form:vendors")).contains("https://feeds.example.com/" + code + ".jsonl"));

            browser.click(rowButton("vendors-form:vendors", code, "deactivate"));
            confirm(browser, "vendors-form");
            browser.waitForText("Vendor " + code + " deactivated.", Duration.ofSeconds(10));
            assertEquals("false", TestData.queryString("SELECT active::text FROM vendors WHERE code = ?", code));
            assertTrue(browser.text(By.id("vendors-form:vendors")).contains("Inactive"));
            browser.go("/admin/vendors.xhtml");
            browser.screenshot("vendors");

            browser.go("/admin/audit.xhtml");
            choose(browser, "audit-form:action", "vendor.create");
            browser.type(By.id("audit-form:actor"), admin);
            browser.click(By.id("audit-form:apply"));
            String entries = browser.text(By.id("audit-form:entries"));
            assertTrue(entries.contains("vendor.create") && entries.contains(code), entries);
            assertFalse(entries.contains("vendor.deactivate"), "filtered by action: " + entries);
            browser.screenshot("audit");
        }
        assertEquals("1", TestData.queryString("SELECT count(*) FROM audit_log WHERE actor = ? AND action = 'vendor.update'"
                + " AND details = 'ordersFeedUrl'", admin), "the edit is audited with what changed");
    }

    @Test
    void anApiClientsSecretIsShownOnceWorksAndStopsWhenRevoked() {
        String name = TestData.unique("erp");
        try (var browser = Browser.open()) {
            browser.login(admin, PASSWORD).go("/admin/clients.xhtml");
            browser.click(By.id("clients-form:new-client"));
            browser.type(By.id("client-form:name"), name);
            choose(browser, "client-form:role", "Platform (all vendors)");
            browser.click(By.id("client-form:create"));
            if (browser.all(By.id("secret-form:client-secret")).isEmpty()) {
                browser.screenshot("clients-refused");
                throw new AssertionError("no secret shown; the page says: " + browser.pageText());
            }
            String clientId = browser.text(By.id("secret-form:client-id"));
            String secret = browser.text(By.id("secret-form:client-secret"));
            browser.screenshot("clients");
            assertTrue(secret.length() >= 40, secret);
            assertNotEquals(secret, TestData.queryString("SELECT secret_hash FROM api_clients WHERE client_id = ?", clientId));
            assertEquals(200, tokenStatus(clientId, secret), "the secret shown obtains a token");

            browser.click(By.id("secret-form:secret-done"));
            browser.waiting().until(d -> !d.getPageSource().contains(secret)); // gone once its dialog is closed
            browser.go("/admin/clients.xhtml");
            assertTrue(browser.text(By.id("clients-form:clients")).contains(clientId));
            assertFalse(browser.driver().getPageSource().contains(secret), "and never shown again");

            browser.click(rowButton("clients-form:clients", clientId, "revoke"));
            confirm(browser, "clients-form");
            browser.waitForText("Client " + clientId + " revoked.", Duration.ofSeconds(10));
            assertEquals(401, tokenStatus(clientId, secret), "a revoked client gets no token");
        }
        assertEquals("1", TestData.queryString("SELECT count(*) FROM audit_log WHERE actor = ? AND action = 'api-client.revoke'"
                + " AND entity_id = (SELECT client_id FROM api_clients WHERE name = ?)", admin, name));
    }

    @Test
    void aStaffUserCreatedHereSignsInIsKeptOutOfAdministrationAndCanBePromoted() {
        String staff = TestData.unique("sam") + "@orion.example";
        String staffPassword = "sam's long password";
        try (var browser = Browser.open()) {
            browser.login(admin, PASSWORD).go("/admin/users.xhtml");
            browser.click(By.id("users-form:new-user"));
            browser.type(By.id("user-form:email"), staff);
            browser.type(By.id("user-form:name"), "Sam Staff");
            browser.type(By.id("user-form:password"), "too short");
            browser.click(By.id("user-form:create"));
            assertEquals("The password needs at least 12 characters.", browser.text(By.id("user-form:password-message")));
            browser.type(By.id("user-form:password"), staffPassword);
            browser.click(By.id("user-form:create"));
            browser.waitForText("User " + staff + " created.", Duration.ofSeconds(10));
            assertEquals("STAFF", TestData.queryString("SELECT role FROM users WHERE email = ?", staff));

            try (var sam = Browser.open()) {
                sam.login(staff, staffPassword).go("/catalog/products.xhtml");
                assertTrue(sam.text(By.id("current-user")).contains("STAFF"));
                sam.go("/admin/users.xhtml");
                assertTrue(sam.find(By.id("forbidden-page")).getText().contains("Not allowed"));
            }

            browser.type(By.id("users-form:search"), staff);
            browser.click(By.id("users-form:search-button"));
            browser.click(rowButton("users-form:users", staff, "change-role"));
            choose(browser, "role-form:role", "ADMIN");
            browser.click(By.id("role-form:save-role"));
            browser.waitForText(staff + " is now ADMIN.", Duration.ofSeconds(10));
            assertEquals("ADMIN", TestData.queryString("SELECT role FROM users WHERE email = ?", staff));
            browser.screenshot("users");

            browser.type(By.id("users-form:search"), admin);
            browser.click(By.id("users-form:search-button"));
            browser.click(rowButton("users-form:users", admin, "deactivate"));
            confirm(browser, "users-form");
            browser.waitForText("You cannot deactivate your own account.", Duration.ofSeconds(10));
            assertEquals("true", TestData.queryString("SELECT active::text FROM users WHERE email = ?", admin));
        }
    }

    @Test
    void aVendorsCustomersAndSubscriptionAreManagedHere() {
        String code = TestData.unique("shop");
        long vendorId = TestData.vendor(code);
        String vendor = "Vendor " + code;
        String email = TestData.unique("cleo") + "@buyer.example";
        try (var browser = Browser.open()) {
            browser.login(admin, PASSWORD).go("/admin/customers.xhtml");
            choose(browser, "customers-form:vendor-filter", vendor + " (" + code + ")");
            createCustomer(browser, email);
            browser.waitForText("Customer " + email + " created.", Duration.ofSeconds(10));
            assertEquals("Cleo Buyer", TestData.queryString("SELECT full_name FROM customers WHERE vendor_id = ? AND email = ?", vendorId, email));
            createCustomer(browser, email);
            assertEquals("This vendor already has a customer with this email.", browser.text(By.id("customer-form:email-message")));
            browser.click(By.id("customer-form:cancel"));
            browser.click(rowButton("customers-form:customers", email, "deactivate"));
            confirm(browser, "customers-form");
            browser.waitForText("Customer " + email + " deactivated.", Duration.ofSeconds(10));
            assertEquals("false", TestData.queryString("SELECT active::text FROM customers WHERE vendor_id = ? AND email = ?", vendorId, email));
            browser.screenshot("customers");

            browser.go("/admin/subscriptions.xhtml");
            choose(browser, "subscriptions-form:vendor-filter", vendor + " (" + code + ")");
            browser.click(By.id("subscriptions-form:new-subscription"));
            choose(browser, "subscription-form:plan", "GROWTH");
            browser.type(By.id("subscription-form:price"), "49.00");
            browser.click(By.id("subscription-form:save"));
            browser.waitForText("Subscription of " + vendor + " created.", Duration.ofSeconds(10));
            assertEquals("GROWTH ACTIVE 49.00", TestData.queryString(
                    "SELECT plan || ' ' || status || ' ' || price_amount FROM subscriptions WHERE vendor_id = ?", vendorId));
            browser.click(rowButton("subscriptions-form:subscriptions", vendor, "cancel"));
            confirm(browser, "subscriptions-form");
            browser.waitForText("Subscription of " + vendor + " cancelled.", Duration.ofSeconds(10));
            assertEquals("CANCELLED", TestData.queryString("SELECT status FROM subscriptions WHERE vendor_id = ?", vendorId));
            browser.screenshot("subscriptions");
        }
    }

    private static void createCustomer(Browser browser, String email) {
        browser.click(By.id("customers-form:new-customer"));
        browser.type(By.id("customer-form:email"), email);
        browser.type(By.id("customer-form:name"), "Cleo Buyer");
        browser.click(By.id("customer-form:save"));
    }

    private static void createVendor(Browser browser, String code, String name) {
        browser.click(By.id("vendors-form:new-vendor"));
        browser.type(By.id("vendor-form:code"), code);
        browser.type(By.id("vendor-form:name"), name);
        browser.click(By.id("vendor-form:save"));
    }
}
