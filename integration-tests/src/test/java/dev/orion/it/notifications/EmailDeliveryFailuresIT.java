package dev.orion.it.notifications;

import static dev.orion.it.support.OutboxEmails.attempts;
import static dev.orion.it.support.OutboxEmails.confirmOrderFor;
import static dev.orion.it.support.OutboxEmails.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Email delivery when the SMTP server is down or refuses: retries with growing delays (the test server allows
 * 4 attempts, 1 s doubling), then the dead-letter queue and FAILED in the outbox, and re-sending from there.
 */
@ExtendWith(ArquillianExtension.class)
class EmailDeliveryFailuresIT extends OrionDeployment {

    private GreenMail smtp;

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void anEmailQueuedWhileSmtpIsDownIsDeliveredOnceItIsBack() {
        var vendor = ApiSession.newVendor("down");
        String to = TestData.unique("late") + "@example.com";
        long outboxId = confirmOrderFor(vendor, to);

        Poll.until(Duration.ofSeconds(20), () -> attempts(outboxId), n -> n >= 2);
        assertEquals("QUEUED", status(outboxId), "still being retried");
        startSmtp();

        MimeMessage[] received = Poll.until(Duration.ofSeconds(30), () -> smtp.getReceivedMessagesForDomain(to), m -> m.length > 0);
        assertEquals(1, received.length);
        assertEquals("SENT", Poll.until(Duration.ofSeconds(10), () -> status(outboxId), "SENT"::equals));
    }

    @Test
    void afterTheLastAttemptTheEmailIsADeadLetterAndCanBeResent() {
        var vendor = ApiSession.newVendor("dead");
        var platform = ApiSession.newPlatform("dead");
        String to = TestData.unique("dead") + "@example.com";
        // events are listed oldest first, and the suite dead-letters many emails before this one
        String queuedFrom = java.time.Instant.now().minusSeconds(5).toString();
        long outboxId = confirmOrderFor(vendor, to);

        JsonObject failed = Poll.until(Duration.ofSeconds(40), () -> Http.json(platform.get("/emails/" + outboxId)),
                e -> e.getString("status").equals("FAILED"));
        assertTrue(failed.getString("last_error").startsWith("Gave up after"), failed.toString());
        assertTrue(failed.getString("last_error").contains("Couldn't connect"), failed.toString());
        assertTrue(Http.json(platform.get("/emails?status=FAILED&limit=200")).getJsonArray("data").stream()
                .anyMatch(e -> e.asJsonObject().getInt("id") == outboxId), "listed among the dead letters");
        // the platform-level event (no vendor), recorded with the FAILED mark: platform clients see it, vendors not
        String deadLettered = "/events?type=email.dead_lettered&limit=100&created_from=" + queuedFrom;
        assertEquals(1, Http.json(platform.get(deadLettered)).getJsonArray("data").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getJsonObject("data").getJsonObject("email").getInt("id") == outboxId).count());
        assertEquals(0, Http.json(vendor.get(deadLettered)).getJsonArray("data").size(), "not a vendor's event");
        assertEquals(409, platform.send("POST", "/emails/" + confirmOrderFor(vendor, TestData.unique("q") + "@example.com") + "/resend", null, null)
                .statusCode(), "a queued email is not re-sent");

        startSmtp();
        var resend = platform.send("POST", "/emails/" + outboxId + "/resend", null, null);
        assertEquals(200, resend.statusCode(), resend.body());

        MimeMessage[] received = Poll.until(Duration.ofSeconds(30), () -> smtp.getReceivedMessagesForDomain(to), m -> m.length > 0);
        assertEquals(1, received.length);
        assertEquals("SENT", Poll.until(Duration.ofSeconds(10), () -> status(outboxId), "SENT"::equals));
        assertEquals(409, platform.send("POST", "/emails/" + outboxId + "/resend", null, null).statusCode(), "a sent email is never sent again");
    }

    @Test
    void aRecipientTheMailSystemRefusesFailsAtOnceWithoutRetries() {
        startSmtp();
        var vendor = ApiSession.newVendor("refused");
        long outboxId = confirmOrderFor(vendor, "no such person@example.com");

        assertEquals("FAILED", Poll.until(Duration.ofSeconds(20), () -> status(outboxId), "FAILED"::equals));
        assertEquals(1, attempts(outboxId));
        assertTrue(TestData.queryString("SELECT last_error FROM email_outbox WHERE id = ?", outboxId).startsWith("Refused permanently"));
        assertEquals(0, java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> GreenMailUtil.getHeaders(m).contains("no such person")).count(), "nothing reached the refused recipient");
    }

    @Test
    void resendingAllFailedEmailsRequeuesEachOnce() {
        var vendor = ApiSession.newVendor("all");
        var platform = ApiSession.newPlatform("all");
        String to = TestData.unique("all") + "@example.com";
        long outboxId = confirmOrderFor(vendor, to);
        Poll.until(Duration.ofSeconds(40), () -> status(outboxId), "FAILED"::equals);
        startSmtp();

        var resent = platform.send("POST", "/emails/failed/resend", null, null);

        assertEquals(200, resent.statusCode(), resent.body());
        assertTrue(Http.json(resent).getInt("resent") >= 1, resent.body());
        assertEquals("SENT", Poll.until(Duration.ofSeconds(30), () -> status(outboxId), "SENT"::equals));
        assertEquals(1, smtp.getReceivedMessagesForDomain(to).length);
    }

    private void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.start();
    }
}
