package dev.orion.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts secrets Orion must read back with AES-GCM (the JDK's) under the operator's key: {@code ORION_SECRET_KEY},
 * or {@code ORION_FEED_SECRET_KEY}, its name from when only feed credentials were encrypted (Base64 of 16, 24 or 32
 * random bytes: {@code openssl rand -base64 32}). Each value gets a fresh 96-bit nonce and is bound to a context (the
 * associated data, e.g. {@code feed-credentials:vendor:7}), so a ciphertext copied to another row does not decrypt.
 * <p>
 * {@link #encrypt}/{@link #decrypt} store Base64 of nonce then ciphertext. {@link #seal}/{@link #open} add the
 * {@value #SEALED} prefix, so a column that held plain values before can tell them from sealed ones: {@code open}
 * hands a value without the prefix back as it is (written before encryption, sealed by the owner's upgrade step).
 */
@ApplicationScoped
public class SecretCipher {

    /** Marks a sealed value; "v1" is this cipher (AES-GCM, 96-bit nonce, 128-bit tag), so another can follow. */
    public static final String SEALED = "enc:v1:";

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "orion.secret-key")
    Optional<String> key;

    /** The earlier name, still honoured when the general one is not set: keys of existing servers keep working. */
    @Inject
    @ConfigProperty(name = "orion.feed-secret-key")
    Optional<String> feedKey;

    /** Whether a key is configured; without one, secrets can be neither stored nor read. */
    public boolean hasKey() {
        return configuredKey().isPresent();
    }

    /** Whether {@code stored} was written by {@link #seal} (rather than stored plain before encryption). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(SEALED);
    }

    /** {@code plain} encrypted for {@code context}, with the {@value #SEALED} prefix. */
    public String seal(String context, String plain) {
        return SEALED + encrypt(context, plain);
    }

    /** The plain value of what {@link #seal} made; a value without the prefix is one stored plain, returned as is. */
    public String open(String context, String stored) {
        return isSealed(stored) ? decrypt(context, stored.substring(SEALED.length())) : stored;
    }

    public String encrypt(String context, String plain) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, context).doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A secret could not be encrypted: " + e.getMessage(), e);
        }
    }

    /** The plain value; a wrong key, another context or a tampered value is an IllegalStateException. */
    public String decrypt(String context, String stored) {
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret is not Base64 (damaged?)");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(all, NONCE), context);
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret does not decrypt with ORION_SECRET_KEY (was the key changed?)");
        }
    }

    private Optional<String> configuredKey() {
        return key.filter(k -> !k.isBlank()).or(() -> feedKey.filter(k -> !k.isBlank()));
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(configuredKey()
                    .orElseThrow(() -> new IllegalStateException("ORION_SECRET_KEY is not set")).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ORION_SECRET_KEY is not Base64");
        }
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw new IllegalStateException("ORION_SECRET_KEY must be 16, 24 or 32 bytes (Base64), is " + raw.length);
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
