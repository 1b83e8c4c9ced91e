package dev.orion.operations.alerts.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.notifications.application.EmailComposer;
import dev.orion.notifications.application.RenderedEmail;
import org.junit.jupiter.api.Test;

class AlertEmailsTest {

    private static final String MODEL = "{\"ruleName\": \"Dead <letters>\", \"kind\": \"DEAD_LETTERS\", \"value\": 7, \"threshold\": 5,"
            + " \"unit\": \"emails\", \"detail\": \"7 email(s) dead-lettered\", \"since\": \"2026-12-06T10:00:00Z\","
            + " \"at\": \"2026-12-06T10:42:00Z\", \"lastedMinutes\": 42}";

    private final EmailComposer composer = new EmailComposer();

    @Test
    void theFiringEmailSaysWhatFiresAndAgainstWhichThreshold() {
        RenderedEmail email = composer.compose(AlertMailer.FIRING, "en", MODEL);

        assertEquals("[Orion] FIRING: Dead <letters>", email.subject());
        assertTrue(email.text().contains("It fires above 5 emails; the value is 7 emails."), email.text());
        assertTrue(email.html().contains("Dead &lt;letters&gt;"), email.html());
    }

    @Test
    void theResolvedEmailSaysHowLongItFired() {
        RenderedEmail email = composer.compose(AlertMailer.RESOLVED, "en", MODEL);

        assertEquals("[Orion] RESOLVED: Dead <letters>", email.subject());
        assertTrue(email.text().contains("after 42 minute(s) firing since 2026-12-06T10:00:00Z"), email.text());
    }
}
