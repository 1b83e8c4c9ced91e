package dev.orion.events.application;

import dev.orion.platform.crypto.SecretCipher;
import dev.orion.platform.crypto.SecretKeyMissingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Webhook signing secrets at rest: sealed with the kernel's cipher (ORION_SECRET_KEY) and bound to their vendor, so
 * the database holds no secret a reader could sign with. A secret stored plain before encryption (no prefix) still
 * signs; {@link PlaintextSecretsSealer} seals such rows at startup.
 */
@ApplicationScoped
public class WebhookSecrets {

    @Inject
    SecretCipher cipher;

    static String context(long vendorId) {
        return "webhook-secret:vendor:" + vendorId;
    }

    /** The value to store for a new secret; refused (503) while the server has no key. */
    String seal(long vendorId, String secret) {
        if (!cipher.hasKey()) {
            throw new SecretKeyMissingException("Webhook signing secrets", "ORION_SECRET_KEY is not set");
        }
        try {
            return cipher.seal(context(vendorId), secret);
        } catch (IllegalStateException e) {
            throw new SecretKeyMissingException("Webhook signing secrets", e.getMessage());
        }
    }

    /** The secrets to sign with; an IllegalStateException when a sealed one does not open (the key changed). */
    List<String> open(long vendorId, List<String> stored) {
        return stored.stream().map(s -> cipher.open(context(vendorId), s)).toList();
    }

    boolean canSeal() {
        return cipher.hasKey();
    }
}
