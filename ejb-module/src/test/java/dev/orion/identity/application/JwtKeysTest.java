package dev.orion.identity.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeysTest {

    private long now = 0;

    /** Another node rotated: the shared signing key file holds a new key. */
    private static String rotateElsewhere(Path dir) throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("orion-elsewhere");
        key.setAlgorithm("RS256");
        Path file = dir.resolve(JwtKeys.SIGNING_KEY_FILE);
        Files.writeString(file, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        return key.getKeyId();
    }

    @Test
    void aKeyRotatedOnAnotherNodeIsTakenWithinASecondAndTheFileIsLookedAtNoMoreOftenThanThat(@TempDir Path dir) throws Exception {
        var keys = new JwtKeys();
        keys.keyDirectory = dir.toString();
        keys.nanoTime = () -> now;
        keys.load();
        String first = keys.signingKey().getKeyId();

        String rotated = rotateElsewhere(dir);
        now += TimeUnit.MILLISECONDS.toNanos(999);
        assertEquals(first, keys.signingKey().getKeyId(), "tokens of the same second sign without looking at the file");

        now += TimeUnit.MILLISECONDS.toNanos(1);
        assertEquals(rotated, keys.signingKey().getKeyId(), "a second later the rotation is seen");
        assertNotEquals(first, rotated);
    }
}
