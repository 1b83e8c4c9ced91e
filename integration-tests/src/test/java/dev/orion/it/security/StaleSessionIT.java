package dev.orion.it.security;

import static dev.orion.it.support.AdminPages.choose;
import static dev.orion.it.support.AdminPages.confirm;
import static dev.orion.it.support.AdminPages.rowButton;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.orion.it.support.Browser;
import dev.orion.it.support.ConsoleSessions;
import dev.orion.it.support.FacesForms;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** A console session opened before the account changed (deactivated, demoted, new password) is refused within seconds. */
@ExtendWith(ArquillianExtension.class)
class StaleSessionIT extends OrionDeployment {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final String PASSWORD = "a long enough password";
    private static final Duration FEW_SECONDS = Duration.ofSeconds(10);
    private static final Pattern LINK = Pattern.compile("http\\S+/console/reset-password\\.xhtml\\?token=([A-Za-z0-9_-]+)");
    private static String admin;

    @BeforeAll
    static void arrange() {
        admin = "admin@" + TestData.unique("stale") + ".example";
        TestData.consoleUser(admin, PASSWORD, "ADMIN", null);
    }

    @Test
    void aDeactivatedUsersOpenSessionIsRefused() {
        String staff = "staff@" + TestData.unique("stale") + ".example";
        TestData.consoleUser(staff, PASSWORD, "STAFF", null);
        Http session = ConsoleSessions.signIn(staff, PASSWORD);
        assertTrue(ConsoleSessions.stillSignedIn(session, "platform/emails.xhtml"));

        try (var browser = Browser.open()) {
            browser.login(admin, PASSWORD).go("/admin/users.xhtml");
            browser.type(By.id("users-form:search"), staff);
            browser.click(By.id("users-form:search-button"));
            browser.click(rowButton("users-form:users", staff, "deactivate"));
            confirm(browser, "users-form");
            browser.waitForText(staff, FEW_SECONDS);
        }
        Poll.until(FEW_SECONDS, () -> TestData.queryString("SELECT active::text FROM users WHERE email = ?", staff), "false"::equals);

        Poll.until(FEW_SECONDS, () -> ConsoleSessions.stillSignedIn(session, "platform/emails.xhtml"), signedIn -> !signedIn);
    }

    @Test
    void aDemotedAdminsOpenSessionLosesTheAdministration() {
        String demoted = "demoted@" + TestData.unique("stale") + ".example";
        TestData.consoleUser(demoted, PASSWORD, "ADMIN", null);
        Http session = ConsoleSessions.signIn(demoted, PASSWORD);
        assertTrue(ConsoleSessions.stillSignedIn(session, "admin/users.xhtml"), "an ADMIN opens the users page");

        try (var browser = Browser.open()) {
            browser.login(admin, PASSWORD).go("/admin/users.xhtml");
            browser.type(By.id("users-form:search"), demoted);
            browser.click(By.id("users-form:search-button"));
            browser.click(rowButton("users-form:users", demoted, "change-role"));
            choose(browser, "role-form:role", "STAFF");
            browser.click(By.id("role-form:save-role"));
            browser.waitForText(demoted + " is now STAFF.", FEW_SECONDS);
        }

        Poll.until(FEW_SECONDS, () -> ConsoleSessions.stillSignedIn(session, "admin/users.xhtml"), signedIn -> !signedIn);
    }

    @Test
    void aPasswordResetEndsTheSessionsOpenedWithTheOldPassword() {
        String user = "reset@" + TestData.unique("stale") + ".example";
        TestData.consoleUser(user, PASSWORD, "STAFF", null);
        Http session = ConsoleSessions.signIn(user, PASSWORD);
        assertTrue(ConsoleSessions.stillSignedIn(session, "platform/emails.xhtml"));

        var anonymous = Http.browser();
        var page = anonymous.get(ConsoleSessions.CONSOLE + "forgot-password.xhtml");
        FacesForms.submit(anonymous, page, "forgot", Map.of("email", user), "send");
        var message = Poll.until(Duration.ofSeconds(30), () -> SMTP.getReceivedMessagesForDomain(user), m -> m.length > 0)[0];
        Matcher link = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        assertTrue(link.find());
        var reset = anonymous.get(link.group());
        var done = FacesForms.submit(anonymous, reset, "reset",
                Map.of("token", link.group(1), "password", "a brand new secret", "confirmation", "a brand new secret"), "save");
        assertTrue(done.body().contains("Your new password is set"), done.body());

        Poll.until(FEW_SECONDS, () -> ConsoleSessions.stillSignedIn(session, "platform/emails.xhtml"), signedIn -> !signedIn);
        ConsoleSessions.signIn(user, "a brand new secret");
    }
}
