package dev.orion.events.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.notifications.application.EmailComposer;
import dev.orion.notifications.application.RenderedEmail;
import org.junit.jupiter.api.Test;

class EndpointDisabledMailTest {

    @Test
    void theVendorLearnsWhichEndpointStoppedAndWhy() {
        RenderedEmail email = new EmailComposer().compose(EndpointDisabledMailer.TEMPLATE, "en",
                "{\"url\": \"https://hooks.example.com/<x>\", \"endpointId\": \"7\", \"reason\": \"it answered 410 Gone\","
                        + " \"at\": \"2026-12-07T06:00:00Z\"}");

        assertEquals("[Orion] Webhook endpoint disabled: https://hooks.example.com/<x>", email.subject());
        assertTrue(email.text().contains("it answered 410 Gone"), email.text());
        assertTrue(email.text().contains("/api/v1/webhook-endpoints/7/deliveries"), email.text());
        assertTrue(email.html().contains("https://hooks.example.com/&lt;x&gt;"), email.html());
    }
}
