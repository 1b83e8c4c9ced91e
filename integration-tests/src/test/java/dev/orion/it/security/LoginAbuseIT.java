package dev.orion.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.orion.it.support.ConsoleSessions;
import dev.orion.it.support.FacesForms;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.ServerLog;
import dev.orion.it.support.TestData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Password spraying, aimed lock-outs, hostile usernames, session litter, reset-mail floods and huge form posts.
 * Client addresses are set through X-Forwarded-For, which the test server believes from 127.0.0.1.
 */
@ExtendWith(ArquillianExtension.class)
class LoginAbuseIT extends OrionDeployment {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final String PASSWORD = "a long enough password";

    @Test
    void sprayingOnePasswordOverManyAccountsFromOneAddressIsRefused() {
        String ip = randomIp();
        String domain = TestData.unique("spray") + ".example";
        String victim = "victim@" + domain;
        TestData.consoleUser(victim, PASSWORD, "STAFF", null);
        int refused = 0;
        for (int i = 0; i < 80; i++) {
            String outcome = ConsoleSessions.outcome("user" + i + "@" + domain, "Summer2026!", ip);
            assertFalse(outcome.endsWith("/console/"), outcome);
            if (outcome.contains("throttled")) {
                refused++;
            }
        }
        assertTrue(refused >= 10, "the address is slowed down after its budget of failures; throttled " + refused + " of 80");
        assertTrue(ConsoleSessions.outcome(victim, PASSWORD, ip).contains("throttled"), "even a right password waits, from that address");
        assertTrue(ConsoleSessions.outcome(victim, PASSWORD, randomIp()).endsWith("/console/"), "the account itself is not locked");
    }

    @Test
    void anAttackerLockingOutTheAdminDoesNotStopTheAdminFromAnotherAddress() {
        String admin = "admin@" + TestData.unique("aimed") + ".example";
        TestData.consoleUser(admin, PASSWORD, "ADMIN", null);
        String attacker = randomIp();
        for (int i = 0; i < 8; i++) {
            ConsoleSessions.outcome(admin, "guess " + i, attacker);
        }
        assertTrue(ConsoleSessions.outcome(admin, PASSWORD, attacker).contains("locked"), "the attacker's address is locked out of the admin");

        assertTrue(ConsoleSessions.outcome(admin, PASSWORD, randomIp()).endsWith("/console/"), "the admin signs in from elsewhere");
    }

    @Test
    void anAccountAttackedFromManyAddressesIsSlowedButNotForItsOwnersAddress() {
        String owner = "owner@" + TestData.unique("botnet") + ".example";
        TestData.consoleUser(owner, PASSWORD, "ADMIN", null);
        String home = randomIp();
        assertTrue(ConsoleSessions.outcome(owner, PASSWORD, home).endsWith("/console/"), "the owner signed in from home before");
        for (int i = 0; i < 55; i++) {
            ConsoleSessions.outcome(owner, "guess " + i, randomIp()); // one failure from each of many addresses
        }
        ConsoleSessions.outcome(owner, "one more guess", randomIp());
        assertTrue(ConsoleSessions.outcome(owner, "and another", randomIp()).contains("throttled"), "the account is slowed");

        assertTrue(ConsoleSessions.outcome(owner, PASSWORD, home).endsWith("/console/"), "but not for its owner's own address");
    }

    @Test
    void aHugeUsernameWithLineBreaksIsRefusedAndNeverReachesRedisOrTheLog() {
        long logMark = ServerLog.mark();
        String marker = "FORGED" + TestData.unique("line");
        String hostile = "x@y.example\r\n" + marker + " INFO Console login of admin@orion.example " + "a".repeat(1024 * 1024);
        var huge = Http.session().postForm(ConsoleSessions.CONSOLE + "login", Map.of("username", hostile, "password", "whatever"),
                "X-Forwarded-For", randomIp());
        assertTrue(huge.statusCode() == 302 || huge.statusCode() == 413 || huge.statusCode() == 400, "refused: " + huge.statusCode());
        assertFalse(huge.headers().firstValue("Location").orElse("").endsWith("/console/"));
        String crlf = "short@y.example\r\n" + marker + " INFO forged";
        var small = Http.session().postForm(ConsoleSessions.CONSOLE + "login", Map.of("username", crlf, "password", "whatever"),
                "X-Forwarded-For", randomIp());
        assertEquals(302, small.statusCode());

        var keys = TestData.redisKeys("orion:*");
        assertTrue(keys.stream().noneMatch(k -> k.contains(marker) || k.length() > 600), "no hostile key in Redis");
        var hostileLines = ServerLog.messagesSince(logMark).stream()
                .filter(m -> m.contains("\n" + marker) || m.contains("\r" + marker) || m.length() > 20_000).toList();
        assertTrue(hostileLines.isEmpty(), "no forged line and no megabyte in the log, but: "
                + hostileLines.stream().map(m -> m.length() + " chars: " + m.substring(0, Math.min(300, m.length()))).toList());
    }

    @Test
    void aFailedLoginSetsNoSessionCookie() {
        String user = "nocookie@" + TestData.unique("abuse") + ".example";
        TestData.consoleUser(user, PASSWORD, "STAFF", null);
        var failed = Http.plain().postForm(ConsoleSessions.CONSOLE + "login", Map.of("username", user, "password", "wrong one"),
                "X-Forwarded-For", randomIp());
        assertEquals(302, failed.statusCode());
        assertTrue(failed.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                "no session for a failed login: " + failed.headers().allValues("Set-Cookie"));
        var success = Http.plain().postForm(ConsoleSessions.CONSOLE + "login", Map.of("username", user, "password", PASSWORD),
                "X-Forwarded-For", randomIp());
        assertTrue(success.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID")), "a session once signed in");
    }

    @Test
    void askingFiftyResetLinksForOneAddressSendsAtMostItsBudget() throws Exception {
        String user = "flooded@" + TestData.unique("abuse") + ".example";
        TestData.consoleUser(user, PASSWORD, "STAFF", null);
        for (int i = 0; i < 50; i++) {
            var browser = Http.browser();
            var page = browser.get(ConsoleSessions.CONSOLE + "forgot-password.xhtml");
            var asked = FacesForms.submit(browser, page, "forgot", Map.of("email", user), "send", "X-Forwarded-For", randomIp());
            assertTrue(asked.statusCode() < 500);
        }
        Thread.sleep(5000);
        int queued = Integer.parseInt(TestData.queryString("SELECT count(*) FROM email_outbox WHERE recipient = ?", user));
        assertTrue(queued <= 3, queued + " reset emails queued for one address");
        assertTrue(SMTP.getReceivedMessagesForDomain(user).length <= 3);
    }

    @Test
    void aTwentyMegabyteFormPostIsRefusedWhileALargeImportUploadIsNot() throws Exception {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        byte[] body = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        int formStatus;
        try {
            formStatus = client.send(HttpRequest.newBuilder(URI.create(ConsoleSessions.CONSOLE + "login.xhtml"))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException closed) {
            formStatus = 413; // the server closed the connection rather than read 20 MB
        }
        assertEquals(413, formStatus, "a 20 MB form post to a console page");

        String vendorUser = "uploader@" + TestData.unique("abuse") + ".example";
        TestData.consoleUser(vendorUser, PASSWORD, "VENDOR", TestData.vendor(TestData.unique("upl")));
        Http session = ConsoleSessions.signIn(vendorUser, PASSWORD);
        String boundary = "----orion" + System.nanoTime();
        var multipart = new java.io.ByteArrayOutputStream();
        multipart.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"imports-form:feed\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes());
        multipart.write(body);
        multipart.write(("\r\n--" + boundary + "--\r\n").getBytes());
        var upload = session.sendForBytes(HttpRequest.newBuilder(URI.create(ConsoleSessions.CONSOLE + "imports/imports.xhtml"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.toByteArray())));
        assertTrue(upload.statusCode() != 413 && upload.statusCode() < 500, "the upload page reads a 20 MB body: " + upload.statusCode());
    }

    private static String randomIp() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "198.51." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }
}
