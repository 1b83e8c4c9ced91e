package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.ConsoleSessions;
import dev.orion.it.support.FacesForms;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In-app alerts (docs/alerts.md): a rule an ADMIN creates on the console page fires once, by email to each
 * recipient, when its condition holds, stays quiet while it keeps holding, and resolves once when it stops.
 * Evaluations are the {@code alert-evaluation} schedule's runs, started on demand here.
 */
@ExtendWith(ArquillianExtension.class)
class InAppAlertsIT extends OrionDeployment {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final String PASSWORD = "a long password";
    private static String admin;
    private static String staff;

    @BeforeAll
    static void users() {
        admin = TestData.unique("admin") + "@alerts.example";
        staff = TestData.unique("staff") + "@alerts.example";
        TestData.consoleUser(admin, PASSWORD, "ADMIN", null);
        TestData.consoleUser(staff, PASSWORD, "STAFF", null);
    }

    @Test
    void aDeadLetterRuleEmailsOnceWhenItFiresAndOnceWhenItResolves() throws Exception {
        String domain = TestData.unique("oncall") + ".example";
        String marker = TestData.unique("alert-dead-letter");
        long before = Long.parseLong(TestData.queryString("SELECT count(*) FROM email_outbox WHERE status = 'FAILED'"));
        long threshold = before + 2;
        String name = TestData.unique("Dead letters");
        var console = ConsoleSessions.signIn(admin, PASSWORD);

        var fields = new LinkedHashMap<String, String>();
        fields.put("name", name);
        fields.put("kind_input", "DEAD_LETTERS");
        fields.put("threshold", String.valueOf(threshold));
        fields.put("window", "60");
        fields.put("recipients", "first@" + domain + ", second@" + domain);
        fields.put("enabled_input", "on");
        var saved = FacesForms.submit(console, page(console), "rule-form", fields, "save");
        assertEquals(200, saved.statusCode());
        String ruleId = TestData.queryString("SELECT id FROM alert_rules WHERE name = ?", name);
        assertTrue(ruleId != null, "the console created the rule: " + saved.body());
        assertEquals("1", TestData.queryString("SELECT count(*) FROM audit_log WHERE action = 'alert-rule.create' AND entity_id = ?"
                + " AND actor = ?", ruleId, admin), "the edit is audited");

        try {
            fireAndResolve(ruleId, name, domain, marker);
        } finally {
            // a rule left behind would email about later tests' dead letters
            TestData.execute("DELETE FROM alert_rules WHERE id = ?", Long.parseLong(ruleId));
            TestData.execute("UPDATE email_outbox SET status = 'SENT' WHERE dedupe_key LIKE ?", marker + ":%");
        }
    }

    private static void fireAndResolve(String ruleId, String name, String domain, String marker) throws Exception {
        var platform = ApiSession.newPlatform("alerts");
        evaluate(platform);
        assertEquals("0", alertEmails(ruleId), "below the threshold: nothing to tell");

        for (int i = 0; i < 3; i++) {
            TestData.execute("INSERT INTO email_outbox (dedupe_key, template, locale, recipient, status, last_error)"
                    + " VALUES (?, 'order-confirmation', 'en', 'nobody@example.com', 'FAILED', 'relay said no')", marker + ":" + i);
        }
        evaluate(platform);
        MimeMessage[] firing = Poll.until(Duration.ofSeconds(30), () -> SMTP.getReceivedMessagesForDomain(domain), m -> m.length >= 2);
        assertEquals(List.of("[Orion] FIRING: " + name + " to first@" + domain, "[Orion] FIRING: " + name + " to second@" + domain),
                sent(firing), "one email to each recipient");
        String shown = page(ConsoleSessions.signIn(admin, PASSWORD)).body();
        assertTrue(shown.contains("FIRING") && shown.contains(name), "the page shows it firing");

        evaluate(platform);
        evaluate(platform);
        Thread.sleep(2000); // what a wrong second email would need to arrive
        assertEquals(2, SMTP.getReceivedMessagesForDomain(domain).length, "still firing: no second email");
        assertEquals("2", alertEmails(ruleId));

        TestData.execute("UPDATE email_outbox SET status = 'SENT' WHERE dedupe_key LIKE ?", marker + ":%");
        evaluate(platform);
        MimeMessage[] all = Poll.until(Duration.ofSeconds(30), () -> SMTP.getReceivedMessagesForDomain(domain), m -> m.length >= 4);
        assertEquals(List.of("[Orion] FIRING: " + name + " to first@" + domain, "[Orion] FIRING: " + name + " to second@" + domain,
                "[Orion] RESOLVED: " + name + " to first@" + domain, "[Orion] RESOLVED: " + name + " to second@" + domain), sent(all),
                "one RESOLVED email to each recipient");

        evaluate(platform);
        Thread.sleep(2000);
        assertEquals(4, SMTP.getReceivedMessagesForDomain(domain).length, "resolved once, and quiet since");
        assertEquals("quiet 1", TestData.queryString("SELECT CASE WHEN firing THEN 'firing' ELSE 'quiet' END || ' ' || episode FROM alert_rules WHERE id = ?", Long.parseLong(ruleId)));
    }

    @Test
    void thePageIsForAdminsOnly() {
        var adminPage = page(ConsoleSessions.signIn(admin, PASSWORD));
        assertEquals(200, adminPage.statusCode());
        assertTrue(adminPage.body().contains("id=\"rule-form\""), "an ADMIN gets the rules and their form");

        var staffPage = ConsoleSessions.signIn(staff, PASSWORD).get(ConsoleSessions.CONSOLE + "admin/alerts.xhtml");
        assertEquals(403, staffPage.statusCode());
        assertFalse(staffPage.body().contains("rule-form"), "STAFF see no rules");
    }

    private static java.net.http.HttpResponse<String> page(Http console) {
        return console.get(ConsoleSessions.CONSOLE + "admin/alerts.xhtml");
    }

    /** How many alert emails the outbox holds for the rule. */
    private static String alertEmails(String ruleId) {
        return TestData.queryString("SELECT count(*) FROM email_outbox WHERE dedupe_key LIKE ?", "alert:" + ruleId + ":%");
    }

    /** "subject to recipient" of each message, sorted: GreenMail lists them per mailbox, not in arrival order. */
    private static List<String> sent(MimeMessage[] messages) throws Exception {
        var sent = new java.util.ArrayList<String>();
        for (MimeMessage message : messages) {
            sent.add(message.getSubject() + " to " + message.getRecipients(Message.RecipientType.TO)[0]);
        }
        return sent.stream().sorted().toList();
    }

    /** Runs the alert-evaluation schedule now and waits for the run to end (a timer run going on meanwhile: tries again). */
    private static void evaluate(ApiSession platform) {
        long id = Http.json(platform.get("/schedules")).getJsonArray("data").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("name").equals("alert-evaluation")).findFirst().orElseThrow().getJsonNumber("id").longValue();
        var started = Poll.until(Duration.ofSeconds(20), () -> platform.send("POST", "/schedules/" + id + "/run", null, null),
                r -> r.statusCode() != 409);
        assertEquals(202, started.statusCode(), started.body());
        long runId = Http.json(started).getJsonNumber("id").longValue();
        JsonObject run = Poll.until(Duration.ofSeconds(30), () -> Http.json(platform.get("/schedules/" + id + "/runs")).getJsonArray("data").stream()
                        .map(JsonValue::asJsonObject).filter(r -> r.getJsonNumber("id").longValue() == runId).findFirst().orElseThrow(),
                r -> !r.getString("outcome").equals("RUNNING"));
        assertEquals("SUCCEEDED", run.getString("outcome"), run.toString());
    }
}
