package dev.orion.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.orion.it.support.ApiClients;
import dev.orion.it.support.ConsoleSessions;
import dev.orion.it.support.FacesForms;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A STAFF user asks a password reset for an ADMIN and reads the outbox: the link to the secret is nowhere
 * they can see (console list and preview, API, the outbox row), yet the email that arrives carries a working
 * one, and the SENT row keeps no secret either.
 */
@ExtendWith(ArquillianExtension.class)
class ResetLinkLeakIT extends OrionDeployment {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final String PASSWORD = "a long enough password";
    private static final Pattern ANY_TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{20,})");
    private static final Pattern LINK = Pattern.compile("http\\S+/console/reset-password\\.xhtml\\?token=([A-Za-z0-9_-]+)");

    @Test
    void staffReadingTheOutboxFindNoUsableResetLinkOfTheAdmin() {
        String admin = "admin@" + TestData.unique("leak") + ".example";
        String staff = "staff@" + TestData.unique("leak") + ".example";
        TestData.consoleUser(admin, PASSWORD, "ADMIN", null);
        TestData.consoleUser(staff, PASSWORD, "STAFF", null);
        String platform = TestData.unique("cl-leak");
        TestData.apiClient(platform, "platform secret", null);

        var anonymous = Http.browser();
        var page = anonymous.get(ConsoleSessions.CONSOLE + "forgot-password.xhtml");
        var asked = FacesForms.submit(anonymous, page, "forgot", Map.of("email", admin), "send");
        assertTrue(asked.statusCode() < 500, asked.body());
        long outboxId = Long.parseLong(Poll.until(Duration.ofSeconds(10), () -> TestData.queryString(
                "SELECT id FROM email_outbox WHERE recipient = ? AND template = 'password-reset' ORDER BY id DESC LIMIT 1", admin),
                id -> id != null));

        var staffSession = ConsoleSessions.signIn(staff, PASSWORD);
        var preview = staffSession.get(ConsoleSessions.CONSOLE + "platform/email-preview?id=" + outboxId);
        assertEquals(200, preview.statusCode(), "staff may preview emails");
        assertNoToken("the console preview", preview.body());
        assertNoToken("the console list", staffSession.get(ConsoleSessions.CONSOLE + "platform/emails.xhtml").body());
        String bearer = ApiClients.bearer(ApiClients.token(platform, "platform secret"));
        assertNoToken("the API list", Http.plain().get(Http.BASE + "/api/v1/emails?limit=200", "Authorization", bearer).body());
        assertNoToken("the API email", Http.plain().get(Http.BASE + "/api/v1/emails/" + outboxId, "Authorization", bearer).body());
        assertNoToken("the outbox row", TestData.queryString("SELECT model FROM email_outbox WHERE id = ?", outboxId));

        MimeMessage message = Poll.until(Duration.ofSeconds(30), () -> SMTP.getReceivedMessagesForDomain(admin), m -> m.length > 0)[0];
        Matcher link = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        assertTrue(link.find(), "the email carries the link: " + GreenMailUtil.getBody(message));
        Poll.until(Duration.ofSeconds(10), () -> TestData.queryString("SELECT status FROM email_outbox WHERE id = ?", outboxId), "SENT"::equals);
        String sentModel = TestData.queryString("SELECT model FROM email_outbox WHERE id = ?", outboxId);
        assertNoToken("the SENT row", sentModel);
        assertFalse(sentModel.contains(link.group(1)), sentModel);
        assertFalse(staffSession.get(ConsoleSessions.CONSOLE + "platform/email-preview?id=" + outboxId).body().contains(link.group(1)),
                "nor does a preview of the sent email show it");

        var browser = Http.browser();
        var reset = browser.get(link.group());
        var done = FacesForms.submit(browser, reset, "reset",
                Map.of("token", link.group(1), "password", "the admin's new secret", "confirmation", "the admin's new secret"), "save");
        assertTrue(done.body().contains("Your new password is set"), "the emailed link works: " + done.body());
        ConsoleSessions.signIn(admin, "the admin's new secret");
    }

    private static void assertNoToken(String where, String text) {
        Matcher token = ANY_TOKEN.matcher(text == null ? "" : text);
        if (token.find()) {
            throw new AssertionError(where + " shows a reset token: " + token.group());
        }
    }
}
