package dev.orion.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.Browser;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** Signing in, locking out, roles and languages, in a real browser. */
@ExtendWith(ArquillianExtension.class)
class ConsoleAccessIT extends OrionDeployment {

    private static final String PASSWORD = "a long enough password";
    private static String staff;
    private static String admin;

    @BeforeAll
    static void arrange() {
        staff = "staff@" + TestData.unique("access") + ".example";
        admin = "admin@" + TestData.unique("access") + ".example";
        TestData.consoleUser(staff, PASSWORD, "STAFF", null);
        TestData.consoleUser(admin, PASSWORD, "ADMIN", null);
    }

    @Test
    void wrongPasswordStaysOnTheLoginPageWithAnError() {
        try (var browser = Browser.open()) {
            browser.attemptLogin(staff, "not the password");
            assertTrue(browser.url().contains("login.xhtml"), browser.url());
            assertEquals("Wrong email or password.", browser.text(By.id("login-error")));
            browser.screenshot("login-failed");
        }
    }

    @Test
    void signedInUserSeesTheConsoleWithTheirNameAndCanSignOut() {
        try (var browser = Browser.open()) {
            browser.go("/login.xhtml");
            browser.screenshot("login");
            browser.login(staff, PASSWORD).go("/catalog/products.xhtml");
            assertTrue(browser.text(By.id("current-user")).contains("STAFF"));
            browser.screenshot("layout-staff");
            browser.click(By.id("logout"));
            browser.go("/catalog/products.xhtml");
            assertTrue(browser.all(By.id("login-form")).size() == 1, "signed out: the login form again");
        }
    }

    @Test
    void fiveFailuresLockTheLoginEvenForTheRightPassword() {
        String email = "locked@" + TestData.unique("access") + ".example";
        TestData.consoleUser(email, PASSWORD, "STAFF", null);
        try (var browser = Browser.open()) {
            for (int i = 0; i < 4; i++) {
                browser.attemptLogin(email, "guess " + i);
                assertEquals(1, browser.all(By.id("login-error")).size(), "attempt " + i + " is only wrong");
            }
            browser.attemptLogin(email, "guess 5");
            assertTrue(browser.text(By.id("login-locked")).contains("locked"));
            browser.attemptLogin(email, PASSWORD);
            assertTrue(browser.text(By.id("login-locked")).contains("locked"), "the right password is refused while locked");
            browser.screenshot("login-locked");
        }
        TestData.resetRedisMatching("*login-pair*"); // the lock of this account from this address, as its expiry would
        try (var browser = Browser.open()) {
            browser.login(email, PASSWORD).go("/catalog/products.xhtml");
            assertTrue(browser.text(By.id("current-user")).contains("STAFF"), "unlocked once the counter is gone");
        }
    }

    @Test
    void theContainersOwnLoginCannotBypassTheLockOut() {
        var response = Http.browser().postForm(Http.BASE + "/console/j_security_check",
                Map.of("j_username", staff, "j_password", PASSWORD));
        assertEquals(404, response.statusCode());
    }

    @Test
    void staffCannotOpenAdministrationPages() {
        try (var browser = Browser.open()) {
            browser.login(staff, PASSWORD).go("/catalog/products.xhtml");
            assertFalse(browser.pageText().contains("Administration"), "no administration menu for STAFF");
            browser.go("/admin/users.xhtml");
            assertTrue(browser.find(By.id("forbidden-page")).getText().contains("Not allowed"));
            browser.screenshot("forbidden");
        }
    }

    @Test
    void theLanguageFollowsTheBrowserAndTheSwitcher() {
        try (var browser = Browser.speaking("fr")) {
            browser.go("/login.xhtml");
            assertEquals("Se connecter", browser.text(By.id("login-submit")));
            browser.click(By.id("lang-de"));
            assertEquals("Anmelden", browser.text(By.id("login-submit")));
            browser.login(admin, PASSWORD).go("/catalog/products.xhtml");
            assertTrue(browser.pageText().contains("Verwaltung"), "the menu in German after signing in");
            browser.choose("locale-form:language", "English");
            browser.waitForText("Administration", Duration.ofSeconds(10));
            assertTrue(browser.pageText().contains("Sign out"));
        }
    }

    @Test
    void anUnexpectedErrorShowsAReferenceThatIsAlsoInTheServerLog() throws Exception {
        String email = "vanishing@" + TestData.unique("access") + ".example";
        TestData.consoleUser(email, PASSWORD, "STAFF", null);
        var session = Http.session();
        session.get(Browser.CONSOLE + "/login.xhtml");
        assertEquals(302, session.postForm(Browser.CONSOLE + "/login", Map.of("username", email, "password", PASSWORD)).statusCode());
        TestData.execute("DELETE FROM users WHERE email = ?", email); // the account goes while its session lives on

        var answer = session.get(Browser.CONSOLE + "/catalog/products.xhtml");
        if (answer.statusCode() == 302) {
            answer = session.get(answer.headers().firstValue("Location").orElseThrow());
        }
        var reference = java.util.regex.Pattern.compile("id=\"error-reference\">([0-9a-f]{10})<").matcher(answer.body());
        assertTrue(reference.find(), answer.body());
        assertFalse(answer.body().contains("Exception"), "no stack trace on the page");
        String log = Files.readString(Path.of(System.getProperty("orion.server.base"), "log", "server.log"));
        assertTrue(log.contains("Console error " + reference.group(1)), "the same reference is in the server log");
    }

    @Test
    void responsesCarryTheSecurityHeaders() {
        var response = Http.browser().get(Browser.CONSOLE + "/login.xhtml");
        var headers = response.headers();
        assertEquals("DENY", headers.firstValue("X-Frame-Options").orElseThrow());
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("same-origin", headers.firstValue("Referrer-Policy").orElseThrow());
        assertTrue(headers.allValues("Content-Security-Policy").stream().anyMatch(p -> p.contains("frame-ancestors 'none'")));
        assertTrue(headers.allValues("Content-Security-Policy").stream().anyMatch(p -> p.contains("nonce-")),
                "PrimeFaces' nonce policy for scripts");
        assertTrue(headers.firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");
    }
}
