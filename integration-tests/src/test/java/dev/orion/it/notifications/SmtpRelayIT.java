package dev.orion.it.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orion.it.support.FreshTestDatabase;
import dev.orion.it.support.Http;
import dev.orion.it.support.Poll;
import dev.orion.it.support.StandaloneOrion;
import dev.orion.it.support.TestData;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mail through an authenticating relay over SMTPS, as with a hosted provider (docs/email.md): a server of its own
 * (port offset 800, database {@code orion_smtp}, Redis database 8) with ORION_SMTP_USER/ORION_SMTP_PASSWORD,
 * ORION_SMTP_SSL and ORION_SMTP_TRUST_STORE (a PEM of the relay's self-signed certificate, made by keytool here
 * for localhost, the name WildFly's socket binding gives 127.0.0.1) against GreenMail's SMTPS on 3465 with one
 * user. The right password delivers; a password the relay refuses (GreenMail's user given a new one) is retried
 * as an outage, then a dead letter whose error is the relay's 535 answer, one WARN line per attempt and no stack
 * trace, and re-sent once the password matches again.
 */
class SmtpRelayIT {

    private static final int OFFSET = 800;
    private static final int SMTPS_PORT = 3465;
    private static final String DB = "orion_smtp";
    private static final String REDIS = "redis://127.0.0.1:6379/8";
    private static final String USER = "orion";
    private static final String PASSWORD = "relay-secret";

    private static final Http http = Http.plain();
    private static GreenMail relay;
    private static StandaloneOrion orion;
    private static String vendorToken;
    private static String platformToken;
    private static long vendorId;

    @BeforeAll
    static void startRelayAndServer() throws Exception {
        String base = System.getProperty("orion.server.base");
        Path tls = Files.createDirectories(Path.of(base + "-smtp-tls"));
        Path keyStore = tls.resolve("relay.p12");
        Path certificate = tls.resolve("relay.pem");
        Files.deleteIfExists(keyStore);
        Files.deleteIfExists(certificate);
        keytool("-genkeypair", "-alias", "relay", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "relay", "-keystore", keyStore.toString(), "-storepass", "changeit",
                "-file", certificate.toString());
        // GreenMail's own TLS mechanism: the key store it serves SMTPS with
        System.setProperty("greenmail.tls.keystore.file", keyStore.toString());
        System.setProperty("greenmail.tls.keystore.password", "changeit");
        System.setProperty("greenmail.tls.key.password", "changeit");
        relay = new GreenMail(new ServerSetup(SMTPS_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay@orion.test", USER, PASSWORD));
        relay.start();

        FreshTestDatabase.main(new String[] {DB, REDIS});
        orion = new StandaloneOrion(Path.of(base + "-smtp"), Map.of(
                "ORION_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + DB,
                "ORION_REDIS_URL", REDIS,
                "ORION_SMTP_PORT", Integer.toString(SMTPS_PORT),
                "ORION_SMTP_SSL", "true",
                "ORION_SMTP_USER", USER,
                "ORION_SMTP_PASSWORD", PASSWORD,
                "ORION_SMTP_TRUST_STORE", certificate.toString(),
                "ORION_STORAGE_DIR", base + "-smtp-storage"), OFFSET);
        orion.start();
        vendorId = Long.parseLong(query("INSERT INTO vendors (code, name) VALUES ('relay', 'Relay Vendor') RETURNING id"));
        vendorToken = token("relay-vendor", "vendor", vendorId);
        platformToken = token("relay-platform", "platform", null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (orion != null) {
            orion.stop();
        }
        if (relay != null) {
            relay.stop();
        }
        System.clearProperty("greenmail.tls.keystore.file");
        System.clearProperty("greenmail.tls.keystore.password");
        System.clearProperty("greenmail.tls.key.password");
    }

    @Test
    void anEmailGoesOutOverSmtpsAuthenticatedAsTheConfiguredUser() {
        String to = TestData.unique("smtps") + "@example.com";
        long outboxId = confirmOrderFor(to);

        MimeMessage[] received = Poll.until(Duration.ofSeconds(30), () -> relay.getReceivedMessagesForDomain(to), m -> m.length > 0);

        assertEquals(1, received.length);
        assertEquals("SENT", Poll.until(Duration.ofSeconds(10), () -> status(outboxId), "SENT"::equals));
        assertEquals("0", query("SELECT attempts FROM email_outbox WHERE id = " + outboxId), "sent at the first attempt, none failed");
    }

    @Test
    void aPasswordTheRelayRefusesIsRetriedThenADeadLetterWithTheRelaysAnswerAndNothingIsLost() throws IOException {
        String to = TestData.unique("refused") + "@example.com";
        relay.getUserManager().getUser(USER).setPassword("rotated-at-the-provider");
        long outboxId;
        try {
            outboxId = confirmOrderFor(to);

            assertEquals("FAILED", Poll.until(Duration.ofSeconds(60), () -> status(outboxId), "FAILED"::equals));
            String error = query("SELECT last_error FROM email_outbox WHERE id = " + outboxId);
            assertTrue(error.startsWith("Gave up after"), error);
            assertTrue(error.contains("535 5.7.8  Authentication credentials invalid"), "the relay's answer: " + error);
            // every attempt the retry policy allows (ORION_EMAIL_MAX_ATTEMPTS=4 in the tests), each recorded as it ends
            Poll.until(Duration.ofSeconds(10), () -> query("SELECT attempts FROM email_outbox WHERE id = " + outboxId), "4"::equals);
            assertEquals(0, relay.getReceivedMessagesForDomain(to).length);
            List<String> log = Files.readAllLines(orion.serverLog(), StandardCharsets.UTF_8);
            assertEquals(4, log.stream().filter(l -> l.contains("Email " + outboxId + " not sent: the SMTP relay refused authentication")
                    && l.contains("WARN")).count(), "one WARN line per attempt");
            assertFalse(log.stream().anyMatch(l -> l.contains("AuthenticationFailedException")), "no stack trace");
        } finally {
            relay.getUserManager().getUser(USER).setPassword(PASSWORD);
        }

        var resent = http.post(orion.url() + "/api/v1/emails/" + outboxId + "/resend", "application/json", "",
                "Authorization", "Bearer " + platformToken);
        assertEquals(200, resent.statusCode(), resent.body());
        MimeMessage[] received = Poll.until(Duration.ofSeconds(30), () -> relay.getReceivedMessagesForDomain(to), m -> m.length > 0);
        assertEquals(1, received.length, "the dead letter, re-sent once the password matches, arrives once");
        assertEquals("SENT", Poll.until(Duration.ofSeconds(10), () -> status(outboxId), "SENT"::equals));
    }

    private static long confirmOrderFor(String email) {
        long customer = Long.parseLong(query("INSERT INTO customers (vendor_id, email, full_name) VALUES (" + vendorId + ", '" + email
                + "', 'Ada Customer') RETURNING id"));
        long order = Long.parseLong(query("INSERT INTO orders (vendor_id, customer_id, status, currency, total_amount) VALUES ("
                + vendorId + ", " + customer + ", 'PENDING', 'EUR', 9.90) RETURNING id"));
        query("INSERT INTO order_lines (order_id, line_no, sku, title, quantity, unit_price) VALUES (" + order
                + ", 1, 'SKU-1', 'Item SKU-1', 1, 9.90) RETURNING id");
        var confirmed = http.post(orion.url() + "/api/v1/orders/" + order + "/transitions", "application/json", "{\"to\":\"CONFIRMED\"}",
                "Authorization", "Bearer " + vendorToken);
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        return Long.parseLong(query("SELECT id FROM email_outbox WHERE dedupe_key = 'order-confirmation:" + order + "'"));
    }

    private static String status(long outboxId) {
        return query("SELECT status FROM email_outbox WHERE id = " + outboxId);
    }

    private static String token(String clientId, String role, Long vendor) {
        query("INSERT INTO api_clients (client_id, name, secret_hash, role, vendor_id) VALUES ('" + clientId + "', '" + clientId + "', '"
                + new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(6, "relay-secret".toCharArray()), StandardCharsets.US_ASCII)
                + "', '" + role + "', " + vendor + ") RETURNING id");
        return Http.json(http.postForm(orion.url() + "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", "relay-secret"))).getString("access_token");
    }

    private static String query(String sql) {
        return TestData.queryIn(DB, sql);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "keytool " + String.join(" ", arguments) + ": " + output);
    }
}
