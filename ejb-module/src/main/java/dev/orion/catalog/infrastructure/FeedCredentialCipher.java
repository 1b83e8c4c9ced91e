package dev.orion.catalog.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts a vendor's feed credentials with AES-GCM (the JDK's) under the operator's key,
 * {@code ORION_FEED_SECRET_KEY} (Base64 of 16, 24 or 32 random bytes: {@code openssl rand -base64 32}). Each
 * value gets a fresh 96-bit nonce and is bound to its vendor (associated data), so a ciphertext copied to another
 * vendor's row does not decrypt. Stored as Base64 of nonce then ciphertext.
 */
@ApplicationScoped
public class FeedCredentialCipher {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "orion.feed-secret-key")
    Optional<String> key;

    /** Whether a key is configured; without one, credentials can be neither stored nor used. */
    public boolean hasKey() {
        return key.filter(k -> !k.isBlank()).isPresent();
    }

    public String encrypt(long vendorId, String plain) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, vendorId);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Feed credentials could not be encrypted: " + e.getMessage(), e);
        }
    }

    /** The plain value; a wrong key or a tampered value is an IllegalStateException (the credentials must be set again). */
    public String decrypt(long vendorId, String stored) {
        byte[] all = Base64.getDecoder().decode(stored);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(all, NONCE), vendorId);
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The feed credentials do not decrypt with ORION_FEED_SECRET_KEY (was the key changed?)");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, long vendorId) throws GeneralSecurityException {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(key.orElseThrow(() -> new IllegalStateException("ORION_FEED_SECRET_KEY is not set")).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ORION_FEED_SECRET_KEY is not Base64");
        }
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw new IllegalStateException("ORION_FEED_SECRET_KEY must be 16, 24 or 32 bytes (Base64), is " + raw.length);
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("feed-credentials:vendor:" + vendorId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
