package dev.orion.it.security;

import static dev.orion.it.support.AdminPages.confirm;
import static dev.orion.it.support.AdminPages.rowButton;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.AdminPages;
import dev.orion.it.support.ApiClients;
import dev.orion.it.support.Browser;
import dev.orion.it.support.ConsoleSessions;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** A deactivated vendor's console users and API clients are shut out (live tokens within seconds); re-activation lets them in. */
@ExtendWith(ArquillianExtension.class)
class DeactivatedVendorIT extends OrionDeployment {

    private static final String PASSWORD = "a long enough password";

    @Test
    void aDeactivatedVendorsUsersAndClientsAreRefusedUntilItIsActiveAgain() {
        String code = TestData.unique("gone");
        long vendorId = TestData.vendor(code);
        String user = "seller@" + code + ".example";
        TestData.consoleUser(user, PASSWORD, "VENDOR", vendorId);
        String clientId = TestData.unique("cl-gone");
        TestData.apiClient(clientId, "vendor secret", vendorId);
        String admin = "admin@" + TestData.unique("gone") + ".example";
        TestData.consoleUser(admin, PASSWORD, "ADMIN", null);
        Http session = ConsoleSessions.signIn(user, PASSWORD);
        String token = ApiClients.token(clientId, "vendor secret");
        assertEquals(200, me(token));

        try (var browser = Browser.open()) {
            browser.login(admin, PASSWORD).go("/admin/vendors.xhtml");
            browser.type(By.id("vendors-form:search"), code);
            browser.click(By.id("vendors-form:search-button"));
            browser.click(rowButton("vendors-form:vendors", code, "deactivate"));
            confirm(browser, "vendors-form");
            browser.waitForText("Vendor " + code + " deactivated.", Duration.ofSeconds(10));

            assertTrue(ConsoleSessions.attempt(Http.browser(), user, PASSWORD).uri().getPath().endsWith("login.xhtml"),
                    "the vendor's user cannot sign in");
            Poll.until(Duration.ofSeconds(10), () -> ConsoleSessions.stillSignedIn(session, "catalog/products.xhtml"), in -> !in);
            var refused = Http.plain().postForm(Http.BASE + "/api/v1/auth/token", java.util.Map.of("grant_type", "client_credentials",
                    "client_id", clientId, "client_secret", "vendor secret"));
            assertEquals(401, refused.statusCode());
            assertEquals("invalid_client", Http.json(refused).getString("error"));
            Poll.until(Duration.ofSeconds(10), () -> me(token), status -> status == 401);

            browser.go("/admin/vendors.xhtml");
            browser.type(By.id("vendors-form:search"), code);
            browser.click(By.id("vendors-form:search-button"));
            browser.click(rowButton("vendors-form:vendors", code, "activate"));
            browser.waitForText("Vendor " + code + " activated.", Duration.ofSeconds(10));
        }
        ConsoleSessions.signIn(user, PASSWORD);
        assertEquals(200, AdminPages.tokenStatus(clientId, "vendor secret"));
        Poll.until(Duration.ofSeconds(10), () -> me(ApiClients.token(clientId, "vendor secret")), status -> status == 200);
    }

    private static int me(String token) {
        return Http.plain().get(Http.BASE + "/api/v1/me", "Authorization", ApiClients.bearer(token)).statusCode();
    }
}
