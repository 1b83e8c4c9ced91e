package dev.orion.identity.application;

import dev.orion.identity.domain.ApiClient;
import dev.orion.vendors.application.VendorDirectory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** OAuth2 client credentials: checks a client's secret and signs a short-lived RS256 access token. */
@Stateless
public class TokenService {

    public static final String AUDIENCE = "orion-api";

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    JwtKeys keys;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "https://orion.local")
    String issuer;

    @Inject
    @ConfigProperty(name = "orion.jwt.lifetime", defaultValue = "PT15M")
    Duration lifetime;

    @Inject
    VendorDirectory vendors;

    /**
     * The same bcrypt work whatever the client id: an unknown id is checked against a dummy hash, so the answer's
     * timing does not tell which ids exist. A revoked client, or one whose vendor is inactive, is refused too.
     */
    public AccessToken issue(String clientId, String secret) {
        ApiClient client = clientId == null || clientId.length() > ApiClient.MAX_CLIENT_ID ? null
                : em.createQuery("SELECT c FROM ApiClient c WHERE c.clientId = :id", ApiClient.class)
                        .setParameter("id", clientId).getResultStream().findFirst().orElse(null);
        boolean matches = hasher.matches(secret == null ? "" : secret, client == null ? hasher.dummyHash() : client.getSecretHash());
        if (client == null || !matches || client.isRevoked()
                || (client.getVendorId() != null && !vendors.isActive(client.getVendorId()))) {
            throw new InvalidClientException();
        }
        return sign(client);
    }

    private AccessToken sign(ApiClient client) {
        long seconds = Math.min(lifetime.toSeconds(), Duration.ofMinutes(15).toSeconds());
        var claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(AUDIENCE);
        claims.setSubject(client.getClientId());
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(seconds / 60f);
        claims.setClaim("upn", client.getClientId());
        claims.setStringListClaim("groups", client.groups());
        claims.setClaim("rate_plan", client.getRatePlan());
        if (client.getVendorId() != null) {
            claims.setClaim("vendor", client.getVendorId());
        }
        var jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        var key = keys.signingKey(); // once: a rotation on another node may swap it between two calls
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return new AccessToken(jws.getCompactSerialization(), seconds, String.join(" ", client.groups()));
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign the access token", e);
        }
    }
}
