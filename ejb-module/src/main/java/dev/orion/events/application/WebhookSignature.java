package dev.orion.events.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Orion-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, keyed with the
 * endpoint's secret (the whole {@code whsec_...} string as UTF-8); during a rotation one {@code v1} per valid secret.
 */
public final class WebhookSignature {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    public static String header(long unixSeconds, byte[] body, List<String> secrets) {
        var header = new StringBuilder("t=").append(unixSeconds);
        for (String secret : secrets) {
            header.append(",v1=").append(hmac(secret, unixSeconds, body));
        }
        return header.toString();
    }

    static String hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
