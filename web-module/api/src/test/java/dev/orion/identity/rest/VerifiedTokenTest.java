package dev.orion.identity.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokenTest {

    /** A token as SmallRye answers it, counting the claim reads. */
    private static final class CountingToken implements JsonWebToken {
        final Map<String, Object> claims = new HashMap<>(Map.of("sub", "northwind-api", "exp", 1_900_000_000L,
                "groups", Set.of("vendor"), "vendor", "\"1\"", "rate_plan", "\"standard\"", "raw_token", "eyJ.secret.sig"));
        int reads;

        @Override
        public String getName() {
            return "northwind-api";
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            reads++;
            return (T) claims.get(claimName);
        }
    }

    @Test
    void answersEveryClaimAsTheVerifiedTokenDidReadingItOnce() {
        var verified = new CountingToken();
        var token = VerifiedToken.of(verified);
        int readsToCopy = verified.reads;
        for (int request = 0; request < 3; request++) {
            assertEquals("northwind-api", token.getSubject());
            assertEquals("northwind-api", token.getName());
            assertEquals(1_900_000_000L, token.getExpirationTime());
            assertEquals(Set.of("vendor"), token.getGroups());
            assertEquals("\"1\"", token.getClaim("vendor"));
            assertEquals("\"standard\"", token.getClaim("rate_plan"));
            assertNull(token.getClaim("no_such_claim"));
        }
        assertEquals(readsToCopy, verified.reads);
    }

    @Test
    void keepsNoRawToken() {
        var token = VerifiedToken.of(new CountingToken());
        assertNull(token.getRawToken());
        assertFalse(token.getClaimNames().contains("raw_token"));
        assertFalse(token.toString().contains("secret"));
    }
}
