package dev.orion.identity.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

class PublishedKeysTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void everyKeyRetiredWithinATokenLifetimeStaysListedHoweverManyRotations() throws Exception {
        JsonWebKey k0 = key("k0");
        var published = new JsonWebKeySet(k0);

        // node A rotates, then node B a minute later, then A again: tokens of k0 (alive 15 minutes) stay verifiable
        JsonWebKey k1 = key("k1");
        published = roundTrip(PublishedKeys.afterRotation(published, k0, k1, T0));
        JsonWebKey k2 = key("k2");
        published = roundTrip(PublishedKeys.afterRotation(published, k1, k2, T0.plusSeconds(60)));
        JsonWebKey k3 = key("k3");
        published = roundTrip(PublishedKeys.afterRotation(published, k2, k3, T0.plusSeconds(120)));
        assertEquals(List.of("k0", "k1", "k2", "k3"), ids(published));
        assertEquals(T0.getEpochSecond(), published.findJsonWebKey("k0", null, null, null).getOtherParameterValue(PublishedKeys.RETIRED_AT, Long.class));

        // 21 minutes after k0 retired, a rotation drops it: no token it signed is alive any more
        JsonWebKey k4 = key("k4");
        published = roundTrip(PublishedKeys.afterRotation(published, k3, k4, T0.plusSeconds(21 * 60)));
        assertEquals(List.of("k1", "k2", "k3", "k4"), ids(published));
    }

    @Test
    void theKeyThatSignedUntilNowIsKeptEvenIfTheFileLostIt() throws Exception {
        JsonWebKey signing = key("signing");
        JsonWebKey next = key("next");
        var published = roundTrip(PublishedKeys.afterRotation(new JsonWebKeySet(), signing, next, T0));
        assertEquals(List.of("signing", "next"), ids(published));
    }

    private static JsonWebKey key(String id) throws JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(id);
        return publicOnly(key, id);
    }

    private static JsonWebKey publicOnly(RsaJsonWebKey key, String id) throws JoseException {
        JsonWebKey publicKey = JsonWebKey.Factory.newJwk(key.getRsaPublicKey());
        publicKey.setKeyId(id);
        return publicKey;
    }

    /** Through the JSON the file holds, as the next rotation (maybe on another node) reads it. */
    private static JsonWebKeySet roundTrip(JsonWebKeySet set) throws JoseException {
        return new JsonWebKeySet(set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    private static List<String> ids(JsonWebKeySet set) {
        return set.getJsonWebKeys().stream().map(JsonWebKey::getKeyId).toList();
    }
}
