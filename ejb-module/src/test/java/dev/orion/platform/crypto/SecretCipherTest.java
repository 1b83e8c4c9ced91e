package dev.orion.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[16]);

    private static SecretCipher withKeys(String key, String feedKey) {
        var cipher = new SecretCipher();
        cipher.key = Optional.ofNullable(key);
        cipher.feedKey = Optional.ofNullable(feedKey);
        return cipher;
    }

    private static SecretCipher withKey(String key) {
        return withKeys(key, null);
    }

    @Test
    void decryptsWhatItEncryptedForTheSameContextOnly() {
        var cipher = withKey(KEY);
        String sealed = cipher.encrypt("feed-credentials:vendor:7", "{\"password\":\"s3cret\"}");
        assertFalse(new String(Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1).contains("s3cret"));
        assertEquals("{\"password\":\"s3cret\"}", cipher.decrypt("feed-credentials:vendor:7", sealed));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("feed-credentials:vendor:8", sealed), "bound to its context");
    }

    @Test
    void sealsTheSameValueDifferentlyEachTime() {
        var cipher = withKey(KEY);
        assertNotEquals(cipher.encrypt("c", "x"), cipher.encrypt("c", "x"));
    }

    @Test
    void refusesAMissingOrMalformedKeyAndAnotherKeysCiphertext() {
        assertFalse(withKey(null).hasKey());
        assertFalse(withKeys(" ", "").hasKey());
        assertThrows(IllegalStateException.class, () -> withKey("c2hvcnQ=").encrypt("c", "x"), "5 bytes is no AES key");
        String sealed = withKey(KEY).encrypt("c", "x");
        assertThrows(IllegalStateException.class, () -> withKey(OTHER_KEY).decrypt("c", sealed));
    }

    @Test
    void theFeedKeysEarlierNameIsHonouredUnlessTheGeneralOneIsSet() {
        String byFeedKey = withKeys(null, KEY).encrypt("c", "x");
        assertTrue(withKeys(null, KEY).hasKey());
        assertEquals("x", withKey(KEY).decrypt("c", byFeedKey), "same key under either name");
        assertThrows(IllegalStateException.class, () -> withKeys(OTHER_KEY, KEY).decrypt("c", byFeedKey), "the general name wins");
    }

    @Test
    void opensSealedValuesAndHandsBackValuesStoredPlainBeforeEncryption() {
        var cipher = withKey(KEY);
        String sealed = cipher.seal("webhook", "whsec_abc");
        assertTrue(SecretCipher.isSealed(sealed), sealed);
        assertFalse(sealed.contains("whsec_abc"));
        assertEquals("whsec_abc", cipher.open("webhook", sealed));
        assertFalse(SecretCipher.isSealed("whsec_abc"));
        assertEquals("whsec_abc", cipher.open("webhook", "whsec_abc"));
        assertEquals("whsec_abc", withKey(null).open("webhook", "whsec_abc"), "a plain value needs no key");
    }
}
