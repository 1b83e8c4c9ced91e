package dev.orion.it.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orion.it.support.FreezableProxy;
import dev.orion.it.support.FreshTestDatabase;
import dev.orion.it.support.Http;
import dev.orion.it.support.Poll;
import dev.orion.it.support.StandaloneOrion;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The crash drill: 1,000 emails queued, the server killed with SIGKILL while they are being sent, started again:
 * every email arrives and none twice, counted in the SMTP server by the dedupe key each message carries.
 * It runs its own server (port offset 100, database orion_crash) next to the one the other tests share. The
 * kill comes while every sender is stalled in its SMTP conversation (the relay stops answering, its replies
 * still arrive): a sender whose message the relay accepted must have marked it SENT although its QUIT gets no
 * answer. The window left (relay's reply to database commit, docs/architecture.md) is well under a millisecond.
 */
class EmailCrashIT {

    private static final int EMAILS = 1000;
    private static final String DB = "orion_crash";
    private static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/" + DB;

    private GreenMail smtp;
    private FreezableProxy relay;
    private StandaloneOrion orion;

    @AfterEach
    void tearDown() throws Exception {
        if (orion != null) {
            orion.stop();
        }
        if (relay != null) {
            relay.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void everyQueuedEmailArrivesExactlyOnceAcrossAKillNine() throws Exception {
        FreshTestDatabase.main(new String[] {DB, "redis://127.0.0.1:6379/2"});
        smtp = new GreenMail(new ServerSetup(3125, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        relay = new FreezableProxy(3125);
        orion = new StandaloneOrion(Path.of(System.getProperty("orion.server.base") + "-crash"), Map.of(
                "ORION_DB_URL", DB_URL,
                "ORION_REDIS_URL", "redis://127.0.0.1:6379/2",
                "ORION_SMTP_PORT", Integer.toString(relay.port()),
                "ORION_STORAGE_DIR", System.getProperty("orion.server.base") + "-crash-storage",
                "ORION_EMAIL_RATE", "1000",
                "ORION_EMAIL_REDELIVERY_DELAY_MS", "500"));
        orion.start();
        queueEmails();

        Poll.until(Duration.ofSeconds(120), () -> smtp.getReceivedMessages().length, n -> n >= 150);
        relay.freeze();
        Thread.sleep(2000); // what the relay accepted before it froze is committed by now; the rest is stalled mid-conversation
        int beforeKill = smtp.getReceivedMessages().length;
        orion.kill();
        relay.thaw();
        assertTrue(beforeKill < EMAILS, "the kill came while emails were still being sent (" + beforeKill + " of " + EMAILS + ")");
        System.out.printf("Crash drill: %d of %d emails had arrived when the server was killed%n", beforeKill, EMAILS);

        orion.start();
        Poll.until(Duration.ofSeconds(240), () -> smtp.getReceivedMessages().length, n -> n >= EMAILS);
        Thread.sleep(3000); // a duplicate would arrive after the last first copy

        Map<String, Long> perKey = Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.groupingBy(EmailCrashIT::dedupeKey, Collectors.counting()));
        assertEquals(EMAILS, perKey.size(), "every email arrived");
        assertEquals(Map.of(), perKey.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "none arrived twice");
        assertEquals(EMAILS, smtp.getReceivedMessages().length);
        assertEquals(Long.toString(EMAILS), query("SELECT count(*) FROM email_outbox WHERE status = 'SENT'"));
    }

    /**
     * 1,000 emails in the outbox, put on the queue at once by the dead-letter re-send (one transaction): the
     * same path as any email after its outbox row is written.
     */
    private static void queueEmails() throws Exception {
        query("INSERT INTO email_outbox (dedupe_key, template, locale, recipient, model, status)"
                + " SELECT 'crash:' || n, 'order-confirmation', 'en', 'buyer' || n || '@crash.example',"
                + " '{\"orderId\": ' || n || ', \"customerName\": \"Crash\", \"total\": \"1.00 EUR\", \"vendorName\": \"Crash Test\"}',"
                + " 'FAILED' FROM generate_series(1, " + EMAILS + ") n RETURNING id");
        query("INSERT INTO api_clients (client_id, name, secret_hash, role) VALUES ('crash-ops', 'crash', '"
                + new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(6, "crash-secret".toCharArray()), StandardCharsets.US_ASCII)
                + "', 'platform') RETURNING id");
        var token = Http.json(Http.plain().postForm(StandaloneOrion.BASE + "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", "crash-ops", "client_secret", "crash-secret"))).getString("access_token");
        var resent = Http.plain().send(HttpRequest.newBuilder(URI.create(StandaloneOrion.BASE + "/api/v1/emails/failed/resend"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, resent.statusCode(), resent.body());
        assertEquals(EMAILS, Http.json(resent).getInt("resent"));
    }

    private static String dedupeKey(MimeMessage message) {
        try {
            return message.getHeader("X-Orion-Dedupe-Key", null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
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
