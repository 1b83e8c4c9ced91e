package dev.orion.identity.rest;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified token's claims, read once when it is verified and kept with it ({@link VerifiedTokens}). SmallRye JWT
 * looks every claim name up as a {@code Claims} constant first, and a name that is none ({@code vendor},
 * {@code rate_plan}) throws and catches an IllegalArgumentException on each read: about four per API request,
 * filling a stack trace each time. Here a claim is a map look-up; the values are SmallRye's own, read once.
 */
final class VerifiedToken implements JsonWebToken {

    private final String name;
    private final Map<String, Object> claims;

    private VerifiedToken(String name, Map<String, Object> claims) {
        this.name = name;
        this.claims = claims;
    }

    static VerifiedToken of(JsonWebToken verified) {
        var claims = new HashMap<String, Object>();
        for (String claim : verified.getClaimNames()) {
            if (claim.equals(Claims.raw_token.name())) {
                continue; // nothing reads it back, and the cache then holds no usable bearer token
            }
            Object value = verified.getClaim(claim);
            if (value != null) {
                claims.put(claim, value);
            }
        }
        return new VerifiedToken(verified.getName(), Collections.unmodifiableMap(claims));
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) claims.get(claimName);
    }

    @Override
    public String toString() {
        return "VerifiedToken[" + name + "]"; // never the raw token
    }
}
