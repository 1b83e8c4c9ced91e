package dev.orion.it.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orion.it.support.FacesForms;
import dev.orion.it.support.FreezableProxy;
import dev.orion.it.support.FreshTestDatabase;
import dev.orion.it.support.Http;
import dev.orion.it.support.Poll;
import dev.orion.it.support.StandaloneOrion;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Email priority (docs/email.md): with 2,000 bulk emails (nightly sales reports) waiting and the relay slowed to
 * about a dozen emails a second, a password reset asked for on the console's forgot-password page arrives within
 * seconds, and an order confirmation re-sent meanwhile goes before the bulk mail too, while most of the bulk mail
 * is still unsent. A server of its own (port offset 1100, database {@code orion_mailprio}, Redis database 11) whose
 * relay is GreenMail on 3126 behind a proxy that delays everything Orion sends it. The bulk mail is queued as
 * {@code EmailCrashIT} does, through the dead-letter re-send, so the test also shows that a re-queued email keeps
 * the priority it was written with.
 */
class EmailPriorityIT {

    private static final int BULK = 2000;
    private static final int OFFSET = 1100;
    private static final int SMTP_PORT = 3126;
    private static final String DB = "orion_mailprio";
    private static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/" + DB;
    private static final String REDIS = "redis://127.0.0.1:6379/11";
    /** How long a waiting urgent email may take: a sender coming free, then its own slowed SMTP conversation. */
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(10);

    private GreenMail smtp;
    private FreezableProxy relay;
    private StandaloneOrion orion;

    @AfterEach
    void tearDown() throws Exception {
        if (orion != null) {
            orion.kill(); // 1,900-odd bulk emails are still waiting: nothing to wait for
        }
        if (relay != null) {
            relay.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aPasswordResetAndAnOrderConfirmationOvertakeTwoThousandWaitingBulkEmails() throws Exception {
        FreshTestDatabase.main(new String[] {DB, REDIS});
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        relay = new FreezableProxy(SMTP_PORT);
        String base = System.getProperty("orion.server.base");
        orion = new StandaloneOrion(Path.of(base + "-mailprio"), Map.of(
                "ORION_DB_URL", DB_URL,
                "ORION_REDIS_URL", REDIS,
                "ORION_SMTP_PORT", Integer.toString(relay.port()),
                "ORION_STORAGE_DIR", base + "-mailprio-storage"), OFFSET);
        orion.start();
        relay.slowDown(Duration.ofMillis(60)); // each SMTP command ~60 ms late: some 400 ms an email, 4 senders

        String token = platformToken();
        queueBulkEmails(token);
        Poll.until(Duration.ofSeconds(30), this::bulkArrived, n -> n >= 8); // the senders are busy with bulk mail

        String user = "forgetful@mailprio.example";
        query("INSERT INTO users (email, display_name, password_hash, role) VALUES ('" + user + "', 'Forgetful', '"
                + new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(6, "an old password".toCharArray()), StandardCharsets.US_ASCII)
                + "', 'STAFF') RETURNING id");
        long asked = System.nanoTime();
        askForResetLink(user);
        MimeMessage reset = Poll.until(WITHIN_SECONDS, () -> smtp.getReceivedMessagesForDomain(user), m -> m.length > 0)[0];
        long resetMillis = (System.nanoTime() - asked) / 1_000_000;
        int bulkBefore = bulkArrived();
        System.out.printf("Email priority: the password reset arrived %d ms after it was asked for, after %d of %d bulk emails%n",
                resetMillis, bulkBefore, BULK);
        assertTrue(reset.getSubject().contains("password"), reset.getSubject());
        assertEquals("URGENT", query("SELECT priority FROM email_outbox WHERE template = 'password-reset'"));

        // an order confirmation (NORMAL) re-sent by staff now also goes before the bulk mail already waiting
        String buyer = "buyer@mailprio.example";
        long confirmation = Long.parseLong(query("INSERT INTO email_outbox (dedupe_key, template, locale, recipient, model, status)"
                + " VALUES ('order-confirmation:prio', 'order-confirmation', 'en', '" + buyer + "',"
                + " '{\"orderId\": 7, \"customerName\": \"Ada\", \"total\": \"9.00 EUR\", \"vendorName\": \"Prio Shop\"}', 'FAILED') RETURNING id"));
        assertEquals(200, post(token, "/api/v1/emails/" + confirmation + "/resend").statusCode());
        Poll.until(WITHIN_SECONDS, () -> smtp.getReceivedMessagesForDomain(buyer), m -> m.length > 0);
        int bulkSent = bulkArrived();
        System.out.printf("Email priority: the order confirmation arrived after %d of %d bulk emails%n", bulkSent, BULK);

        assertTrue(bulkSent < BULK / 2, "most of the bulk mail was still waiting (" + bulkSent + " of " + BULK + " sent)");
        assertEquals(Integer.toString(BULK), query("SELECT count(*) FROM email_outbox WHERE priority = 'BULK'"),
                "the re-queued bulk emails kept their priority");
        assertNotEquals("0", query("SELECT count(*) FROM email_outbox WHERE priority = 'BULK' AND status = 'QUEUED'"));
    }

    /**
     * 2,000 nightly sales report emails (BULK) in the outbox as dead letters, put on the queue at once by the
     * re-send of every dead letter (one transaction), each with the priority its outbox row holds.
     */
    private static void queueBulkEmails(String token) throws Exception {
        query("INSERT INTO email_outbox (dedupe_key, template, locale, recipient, model, status, priority)"
                + " SELECT 'sales-report:prio:' || n, 'sales-report', 'en', 'vendor' || n || '@bulk.example',"
                + " '{\"vendorName\": \"Bulk Vendor\", \"from\": \"2026-01-01\", \"to\": \"2026-01-01\", \"orders\": ' || n || ', \"gross\": \"1.00 EUR\"}',"
                + " 'FAILED', 'BULK' FROM generate_series(1, " + BULK + ") n RETURNING id");
        var resent = post(token, "/api/v1/emails/failed/resend");
        assertEquals(200, resent.statusCode(), resent.body());
        assertEquals(BULK, Http.json(resent).getInt("resent"));
    }

    private int bulkArrived() {
        return smtp.getReceivedMessagesForDomain("bulk.example").length;
    }

    /** "Forgot password" on the console, as a person would: the login page's link, the form, the button. */
    private void askForResetLink(String email) {
        var browser = Http.browser();
        assertTrue(browser.get(orion.url() + "/console/login.xhtml").body().contains("forgot-password.xhtml"));
        var page = browser.get(orion.url() + "/console/forgot-password.xhtml");
        assertEquals(200, page.statusCode());
        var asked = FacesForms.submit(browser, page, "forgot", Map.of("email", email), "send");
        assertTrue(asked.body().contains("is on its way"), asked.body());
    }

    private static String platformToken() throws Exception {
        query("INSERT INTO api_clients (client_id, name, secret_hash, role) VALUES ('prio-ops', 'prio', '"
                + new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(6, "prio-secret".toCharArray()), StandardCharsets.US_ASCII)
                + "', 'platform') RETURNING id");
        return Http.json(Http.plain().postForm("http://127.0.0.1:" + (8080 + OFFSET) + "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", "prio-ops", "client_secret", "prio-secret"))).getString("access_token");
    }

    private static HttpResponse<String> post(String token, String path) {
        return Http.plain().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8080 + OFFSET) + path))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static String query(String sql) throws Exception {
        try (var connection = DriverManager.getConnection(DB_URL, System.getenv().getOrDefault("ORION_DB_USER", "orion"),
                System.getenv().getOrDefault("ORION_DB_PASSWORD", "orion"));
             var statement = connection.createStatement()) {
            statement.execute("SET search_path = orion");
            try (var rows = statement.executeQuery(sql)) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
