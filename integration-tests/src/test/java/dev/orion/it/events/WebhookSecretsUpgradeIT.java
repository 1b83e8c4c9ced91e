package dev.orion.it.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import dev.orion.it.support.WebhookReceiver;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An upgrade from a version that stored webhook secrets plain: rows as it wrote them are staged in the database, the
 * start is a redeployment, after which they are encrypted and still sign with the secret the receiver has.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookSecretsUpgradeIT extends OrionDeployment {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void plainSecretsFromBeforeAreEncryptedAtStartAndStillSign() throws Exception {
        var api = ApiSession.newVendor("hooks-upgrade");
        TestData.product(api.vendorId, "MUG", "Mug", "4.50");
        String current = "whsec_current_from_the_old_version";
        String previous = "whsec_previous_from_the_old_version";
        try (var receiver = new WebhookReceiver()) {
            String id = TestData.queryString("INSERT INTO webhook_endpoints (vendor_id, url, event_types, secret, previous_secret,"
                    + " previous_secret_until) VALUES (?, ?, 'order.created', ?, ?, now() + interval '1 hour') RETURNING id",
                    api.vendorId, receiver.url(), current, previous);

            redeploy();

            String secret = TestData.queryString("SELECT secret FROM webhook_endpoints WHERE id = ?", Long.parseLong(id));
            String previousStored = TestData.queryString("SELECT previous_secret FROM webhook_endpoints WHERE id = ?", Long.parseLong(id));
            assertTrue(secret.startsWith("enc:v1:") && !secret.contains("current_from"), secret);
            assertTrue(previousStored.startsWith("enc:v1:") && !previousStored.contains("previous_from"), previousStored);

            var placed = Poll.until(WAIT, () -> api.send("POST", "/orders", "application/json", "{\"currency\":\"EUR\","
                    + "\"customer\":{\"email\":\"ada@example.com\"},\"lines\":[{\"sku\":\"MUG\",\"quantity\":1}]}"),
                    r -> r.statusCode() != 503);
            assertEquals(201, placed.statusCode(), placed.body());
            var got = Poll.until(WAIT, receiver::received, list -> !list.isEmpty()).get(0);
            assertTrue(got.signedWith(current), got.signature());
            assertTrue(got.signedWith(previous), got.signature());
            assertFalse(got.signedWith(secret), "signed with the secret, not its ciphertext");
            assertEquals("order.created", got.eventType());
        }
    }
}
