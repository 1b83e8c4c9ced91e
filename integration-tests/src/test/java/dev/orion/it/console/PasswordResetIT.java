package dev.orion.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.orion.it.support.FacesForms;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.ServerLog;
import dev.orion.it.support.TestData;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Forgot password": an emailed single-use link, valid 30 minutes, stored hashed, to a page that sets a new password. */
@ExtendWith(ArquillianExtension.class)
class PasswordResetIT extends OrionDeployment {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final String CONSOLE = Http.BASE + "/console/";
    private static final Pattern LINK = Pattern.compile("http\\S+/console/reset-password\\.xhtml\\?token=([A-Za-z0-9_-]+)");

    @Test
    void theEmailedLinkSetsANewPasswordOnceAndOnlyTheNewPasswordSignsIn() throws Exception {
        String email = TestData.unique("anna") + "@orion.example";
        TestData.consoleUser(email, "the old password", "STAFF", null);
        TestData.execute("UPDATE users SET locale = 'de' WHERE email = ?", email);

        var asked = askForLink(email);
        assertTrue(asked.body().contains("is on its way"), asked.body());

        MimeMessage message = Poll.until(Duration.ofSeconds(30), () -> SMTP.getReceivedMessagesForDomain(email), m -> m.length > 0)[0];
        assertEquals("Setzen Sie Ihr Orion-Passwort zurück", message.getSubject());
        Matcher link = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        assertTrue(link.find(), GreenMailUtil.getBody(message));
        String token = link.group(1);
        assertEquals("0", TestData.queryString("SELECT count(*) FROM password_reset_tokens WHERE token_hash = ?", token),
                "only the token's hash is stored");

        var browser = Http.browser();
        var page = browser.get(link.group());
        var done = FacesForms.submit(browser, page, "reset", Map.of("token", token, "password", "a brand new secret", "confirmation", "a brand new secret"), "save");
        assertTrue(done.body().contains("Your new password is set"), done.body());

        assertTrue(login(email, "a brand new secret").body().contains("current-user"), "the new password signs in");
        assertTrue(login(email, "the old password").body().contains("Wrong email or password"), "the old one no longer does");
        var reused = Http.browser().get(link.group());
        assertTrue(reused.body().contains("This link has expired or was already used"), reused.body());
    }

    /**
     * A Faces post without PrimeFaces' script nonce is what a script or a forged form sends, not the console's own
     * page: an expected refusal, one WARN line, never an "unexpected error" with a stack trace and a reference.
     */
    @Test
    void aFormPostedWithoutThePagesScriptNonceIsOneWarnLineAndNoError() {
        long mark = ServerLog.mark();
        var browser = Http.browser();
        var page = browser.get(CONSOLE + "forgot-password.xhtml");
        var answer = FacesForms.submitWithoutNonce(browser, page, "forgot", Map.of("email", "scripted@" + TestData.unique("nonce") + ".example"), "send");

        assertTrue(answer.statusCode() < 500, "answered " + answer.statusCode());
        assertFalse(answer.uri().getPath().endsWith("error.xhtml"), "not the unexpected-error page: " + answer.uri());
        var records = ServerLog.recordsSince(mark);
        assertTrue(records.stream().noneMatch(r -> Set.of("ERROR", "SEVERE", "FATAL").contains(r.getString("level", "")) || r.containsKey("stackTrace")),
                "no error and no stack trace: " + records);
        assertEquals(1, records.stream().filter(r -> r.getString("message", "").contains("without the page's script nonce")).count(), records.toString());
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAndNoEmail() {
        String nobody = TestData.unique("nobody") + "@nowhere.example";

        var asked = askForLink(nobody);

        assertTrue(asked.body().contains("is on its way"), "no hint whether the account exists: " + asked.body());
        assertEquals(0, SMTP.getReceivedMessagesForDomain(nobody).length);
    }

    @Test
    void anExpiredLinkIsRefusedAndAShortPasswordIsExplained() {
        String email = TestData.unique("late") + "@orion.example";
        TestData.consoleUser(email, "the old password", "STAFF", null);
        askForLink(email);
        MimeMessage first = Poll.until(Duration.ofSeconds(30), () -> SMTP.getReceivedMessagesForDomain(email), m -> m.length > 0)[0];
        Matcher link = LINK.matcher(GreenMailUtil.getBody(first).replace("=\r\n", "").replace("=3D", "="));
        assertTrue(link.find());

        var browser = Http.browser();
        var page = browser.get(link.group());
        var tooShort = FacesForms.submit(browser, page, "reset", Map.of("token", link.group(1), "password", "short", "confirmation", "short"), "save");
        assertTrue(tooShort.body().contains("at least 12 characters"), tooShort.body());

        TestData.execute("UPDATE password_reset_tokens SET expires_at = now() - interval '1 minute'"
                + " WHERE user_id = (SELECT id FROM users WHERE email = ?)", email);
        var expired = Http.browser().get(link.group());
        assertTrue(expired.body().contains("This link has expired or was already used"), expired.body());
        assertFalse(expired.body().contains("id=\"reset\""), "no form for an expired link");
        assertTrue(login(email, "the old password").body().contains("current-user"), "the password is unchanged");
    }

    private static HttpResponse<String> askForLink(String email) {
        var browser = Http.browser();
        var login = browser.get(CONSOLE + "login.xhtml");
        assertTrue(login.body().contains("forgot-password.xhtml"), "the login page links to it");
        var page = browser.get(CONSOLE + "forgot-password.xhtml");
        assertEquals(200, page.statusCode());
        var asked = FacesForms.submit(browser, page, "forgot", Map.of("email", email), "send");
        assertNotEquals(500, asked.statusCode());
        return asked;
    }

    private static HttpResponse<String> login(String email, String password) {
        var browser = Http.browser();
        browser.get(CONSOLE + "login.xhtml");
        var answer = browser.postForm(CONSOLE + "login", Map.of("username", email, "password", password));
        // a failed login lands back on the login page with its message; a successful one opens the products
        return answer.uri().getPath().endsWith("login.xhtml") ? answer : browser.get(CONSOLE + "catalog/products.xhtml");
    }
}
