package dev.orion.identity.application;

import java.time.Duration;
import java.time.Instant;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

/**
 * Which public keys the JWKS file lists after a rotation. A key that stops signing is stamped with the time it
 * retired ({@value #RETIRED_AT}, an extra JWK member that verifiers ignore) and stays listed for {@link #KEEP_RETIRED}:
 * the longest token lifetime (15 minutes) plus a margin for a node that has not yet re-read the shared signing key.
 * So every key that signed a token still alive stays in the set, however many rotations happen, on whichever node.
 */
final class PublishedKeys {

    static final String RETIRED_AT = "orion_retired_at";
    static final Duration KEEP_RETIRED = Duration.ofMinutes(20);

    private PublishedKeys() {
    }

    static JsonWebKeySet afterRotation(JsonWebKeySet published, JsonWebKey previous, JsonWebKey next, Instant now) {
        var kept = new JsonWebKeySet();
        boolean previousListed = false;
        for (JsonWebKey key : published.getJsonWebKeys()) {
            Long retiredAt = key.getOtherParameterValue(RETIRED_AT, Long.class);
            if (retiredAt == null) {
                key.setOtherParameter(RETIRED_AT, now.getEpochSecond()); // it signed until now
            } else if (Duration.between(Instant.ofEpochSecond(retiredAt), now).compareTo(KEEP_RETIRED) > 0) {
                continue; // every token it signed has expired
            }
            previousListed |= key.getKeyId().equals(previous.getKeyId());
            kept.addJsonWebKey(key);
        }
        if (!previousListed) {
            previous.setOtherParameter(RETIRED_AT, now.getEpochSecond());
            kept.addJsonWebKey(previous);
        }
        kept.addJsonWebKey(next);
        return kept;
    }
}
