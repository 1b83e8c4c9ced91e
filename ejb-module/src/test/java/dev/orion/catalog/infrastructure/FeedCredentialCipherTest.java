package dev.orion.catalog.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedCredentialCipherTest {

    private static FeedCredentialCipher withKey(String key) {
        var cipher = new FeedCredentialCipher();
        cipher.key = Optional.ofNullable(key);
        return cipher;
    }

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void decryptsWhatItEncryptedForTheSameVendorOnly() {
        var cipher = withKey(KEY);
        String sealed = cipher.encrypt(7, "{\"password\":\"s3cret\"}");
        assertFalse(new String(Base64.getDecoder().decode(sealed), java.nio.charset.StandardCharsets.ISO_8859_1).contains("s3cret"));
        assertEquals("{\"password\":\"s3cret\"}", cipher.decrypt(7, sealed));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(8, sealed), "bound to its vendor");
    }

    @Test
    void sealsTheSameValueDifferentlyEachTime() {
        var cipher = withKey(KEY);
        assertNotEquals(cipher.encrypt(1, "x"), cipher.encrypt(1, "x"));
    }

    @Test
    void refusesAMissingOrMalformedKeyAndAnotherKeysCiphertext() {
        assertFalse(withKey(null).hasKey());
        assertThrows(IllegalStateException.class, () -> withKey("c2hvcnQ=").encrypt(1, "x"), "5 bytes is no AES key");
        String sealed = withKey(KEY).encrypt(1, "x");
        String other = Base64.getEncoder().encodeToString(new byte[16]);
        assertThrows(IllegalStateException.class, () -> withKey(other).decrypt(1, sealed));
    }
}
