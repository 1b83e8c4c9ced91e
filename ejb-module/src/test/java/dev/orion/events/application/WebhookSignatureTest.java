package dev.orion.events.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        byte[] body = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);

        // echo -n '1700000000.{"id":"1"}' | openssl dgst -sha256 -hmac whsec_test
        assertEquals("t=1700000000,v1=" + WebhookSignature.hmac("whsec_test", 1700000000L, body),
                WebhookSignature.header(1700000000L, body, List.of("whsec_test")));
        assertEquals(64, WebhookSignature.hmac("whsec_test", 1700000000L, body).length());
    }

    @Test
    void duringARotationEachValidSecretSigns() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        String header = WebhookSignature.header(5, body, List.of("whsec_new", "whsec_old"));

        assertEquals("t=5,v1=" + WebhookSignature.hmac("whsec_new", 5, body) + ",v1=" + WebhookSignature.hmac("whsec_old", 5, body), header);
    }

    @Test
    void secretsAreRandomAndPrefixed() {
        String one = WebhookSignature.newSecret();
        assertTrue(one.startsWith("whsec_") && one.length() > 40, one);
        assertTrue(!one.equals(WebhookSignature.newSecret()));
    }
}
