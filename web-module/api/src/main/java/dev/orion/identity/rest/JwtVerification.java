package dev.orion.identity.rest;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies API bearer tokens with SmallRye JWT, under the standard MicroProfile JWT settings: RS256 only,
 * the configured issuer and audience, a key chosen by {@code kid} from the JWKS file. The JWKS is re-read
 * every minute, so a key added during rotation is accepted without a restart. A token verified once is remembered
 * until it expires or the keys are re-read ({@link VerifiedTokens}): the RSA check is the API's costliest step. Its
 * claims are read once, when it is verified ({@link VerifiedToken}).
 */
@ApplicationScoped
public class JwtVerification {

    private static final Duration RELOAD = Duration.ofMinutes(1);
    private static final Duration FORCED_RELOAD_GAP = Duration.ofSeconds(2);

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences", defaultValue = "orion-api")
    Set<String> audiences;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String keyLocation;

    private final VerifiedTokens verified = new VerifiedTokens();
    private volatile DefaultJWTParser parser;
    private volatile long loadedAt;

    public JsonWebToken verify(String token) throws ParseException {
        DefaultJWTParser keys = current(false);
        String hash = VerifiedTokens.hash(token);
        JsonWebToken known = verified.find(hash, keys);
        if (known != null) {
            return known;
        }
        JsonWebToken checked;
        try {
            checked = keys.parse(token);
        } catch (ParseException e) {
            // a key rotated on this node a moment ago: re-read the keys once (at most every few seconds)
            if (System.nanoTime() - loadedAt < FORCED_RELOAD_GAP.toNanos()) {
                throw e;
            }
            keys = current(true);
            checked = keys.parse(token);
        }
        checked = VerifiedToken.of(checked);
        verified.remember(hash, checked, keys);
        return checked;
    }

    /** Re-reads the keys now (this node just rotated them). */
    public void reload() {
        current(true);
    }

    private DefaultJWTParser current(boolean force) {
        long now = System.nanoTime();
        DefaultJWTParser active = parser;
        if (force || active == null || now - loadedAt > RELOAD.toNanos()) {
            var context = new JWTAuthContextInfo(keyLocation, issuer);
            context.setExpectedAudience(audiences);
            context.setSignatureAlgorithm(SignatureAlgorithm.RS256);
            context.setRequireNamedPrincipal(true);
            context.setRequiredClaims(Set.of("sub", "exp", "iat", "jti"));
            active = new DefaultJWTParser(context);
            parser = active;
            loadedAt = now;
        }
        return active;
    }
}
