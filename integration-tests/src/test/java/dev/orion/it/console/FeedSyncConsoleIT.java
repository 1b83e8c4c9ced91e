package dev.orion.it.console;

import static dev.orion.it.support.AdminPages.rowButton;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.Browser;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.ServedFile;
import dev.orion.it.support.TestData;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The feed sync dialog of the vendors page, in a browser: settings with basic credentials are saved (the password
 * is never shown again, only that credentials are set) and an internal URL is refused with the service's reason.
 */
@ExtendWith(ArquillianExtension.class)
class FeedSyncConsoleIT extends OrionDeployment {

    private static final String PASSWORD = "an admin password long enough";
    private static final String FEED_PASSWORD = "console-feed-s3cret";

    @Test
    void feedSyncIsSetOnTheVendorsPageAndItsPasswordNeverShownAgain() {
        String admin = TestData.unique("fsadmin") + "@orion.example";
        TestData.consoleUser(admin, PASSWORD, "ADMIN", null);
        String code = TestData.unique("fsc");
        long vendorId = TestData.vendor(code);
        String url = "http://" + ServedFile.HOST + ":9/" + code + ".tsv";
        try (var browser = Browser.open()) {
            browser.login(admin, PASSWORD).go("/admin/vendors.xhtml");
            browser.type(By.id("vendors-form:search"), code);
            browser.click(By.id("vendors-form:search-button"));
            browser.click(rowButton("vendors-form:vendors", code, "feed-sync"));
            browser.waitForText("Product feed sync of " + code, Duration.ofSeconds(10));

            browser.type(By.id("feed-sync-form:url"), url);
            browser.choose("feed-sync-form:credentials-type", "HTTP basic");
            browser.type(By.id("feed-sync-form:username"), "shop");
            browser.type(By.id("feed-sync-form:password"), FEED_PASSWORD);
            browser.click(By.id("feed-sync-form:save"));
            browser.waitForText("Feed sync of " + code + " saved.", Duration.ofSeconds(10));
            assertEquals(url, TestData.queryString("SELECT url FROM feed_subscriptions WHERE vendor_id = ?", vendorId));
            assertEquals("basic", TestData.queryString("SELECT credentials_type FROM feed_subscriptions WHERE vendor_id = ?", vendorId));
            assertEquals("Set (basic); never shown again.", browser.text(By.id("feed-sync-form:credentials-state")));
            assertEquals("", browser.find(By.id("feed-sync-form:password")).getAttribute("value"), "the password is not sent back");
            assertFalse(browser.driver().getPageSource().contains(FEED_PASSWORD));
            browser.screenshot("feed-sync");

            browser.type(By.id("feed-sync-form:url"), "http://127.0.0.1:9990/metrics");
            browser.click(By.id("feed-sync-form:save"));
            browser.waitForText("public addresses", Duration.ofSeconds(10));
            assertEquals(url, TestData.queryString("SELECT url FROM feed_subscriptions WHERE vendor_id = ?", vendorId), "a refused URL is not saved");
            assertTrue(browser.pageText().contains("Not saved"), browser.pageText());
        }
    }
}
