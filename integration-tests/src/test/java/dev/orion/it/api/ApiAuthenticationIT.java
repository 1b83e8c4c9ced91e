package dev.orion.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.orion.it.support.ApiClients;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import dev.orion.it.support.Poll;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class ApiAuthenticationIT extends OrionDeployment {

    private static final String PRODUCTS = Http.BASE + "/api/v1/products";
    private static String clientId;
    private static String secret;
    private static String otherVendorSku;
    private static long vendorId;

    @BeforeAll
    static void arrange() {
        String code = TestData.unique("auth");
        vendorId = TestData.vendor(code);
        clientId = code + "-client";
        secret = "s3cret-" + code;
        TestData.apiClient(clientId, secret, vendorId);
        TestData.product(vendorId, "OWN-1", "Own product", "12.50");
        long other = TestData.vendor(TestData.unique("other"));
        otherVendorSku = "OTHER-1";
        TestData.product(other, otherVendorSku, "Someone else's product", "5.00");
    }

    @Test
    void requestWithoutTokenIsUnauthorizedProblem() {
        var response = Http.plain().get(PRODUCTS);
        assertEquals(401, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonObject problem = Http.json(response);
        assertEquals(401, problem.getInt("status"));
        assertTrue(problem.containsKey("title") && problem.containsKey("type") && problem.containsKey("detail"));
    }

    @Test
    void garbageTokenIsUnauthorized() {
        var response = Http.plain().get(PRODUCTS, "Authorization", "Bearer not-a-jwt");
        assertEquals(401, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void wrongSecretIsInvalidClient() {
        var response = Http.plain().postForm(Http.BASE + "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", "wrong"));
        assertEquals(401, response.statusCode());
        assertEquals("invalid_client", Http.json(response).getString("error"));
    }

    @Test
    void tokenFromEndpointListsOnlyOwnVendorsProducts() {
        String token = ApiClients.token(clientId, secret);
        var response = Http.plain().get(PRODUCTS, "Authorization", ApiClients.bearer(token));
        assertEquals(200, response.statusCode(), response.body());
        var skus = Http.json(response).getJsonArray("data").stream()
                .map(v -> v.asJsonObject().getString("sku")).toList();
        assertEquals(List.of("OWN-1"), skus);
        assertEquals(false, Http.json(response).getBoolean("has_more"));
    }

    @Test
    void anotherVendorsProductIsNotFound() {
        String token = ApiClients.token(clientId, secret);
        var response = Http.plain().get(PRODUCTS + "/" + otherVendorSku, "Authorization", ApiClients.bearer(token));
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    /** A token signed by an independent library (Nimbus) with the key Orion is configured with. */
    private static String token(String issuer, String audience, long expiresInMillis, RSAKey key, String kid) throws Exception {
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience).subject(clientId)
                .claim("groups", List.of("vendor")).claim("vendor", vendorId)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(new Date(System.currentTimeMillis() - 600_000))
                .expirationTime(new Date(System.currentTimeMillis() + expiresInMillis))
                .build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey configuredKey() throws Exception {
        return RSAKey.parse(Files.readString(Path.of(System.getProperty("orion.it.keys"), "signing-key.jwk.json")));
    }

    private static int statusWith(String token) {
        var response = Http.plain().get(PRODUCTS, "Authorization", ApiClients.bearer(token));
        if (response.statusCode() == 401) {
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        }
        return response.statusCode();
    }

    @Test
    void tokenSignedByAnIndependentLibraryWithTheConfiguredKeyIsAccepted() throws Exception {
        RSAKey key = configuredKey();
        assertEquals(200, statusWith(token("https://orion.local", "orion-api", 300_000, key, key.getKeyID())));
    }

    @Test
    void expiredWrongIssuerWrongAudienceBadSignatureAndUnknownKidAreUnauthorized() throws Exception {
        RSAKey key = configuredKey();
        RSAKey stranger = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        assertEquals(401, statusWith(token("https://orion.local", "orion-api", -120_000, key, key.getKeyID())), "expired");
        assertEquals(401, statusWith(token("https://evil.example", "orion-api", 300_000, key, key.getKeyID())), "issuer");
        assertEquals(401, statusWith(token("https://orion.local", "someone-else", 300_000, key, key.getKeyID())), "audience");
        assertEquals(401, statusWith(token("https://orion.local", "orion-api", 300_000, stranger, key.getKeyID())), "signature");
        assertEquals(401, statusWith(token("https://orion.local", "orion-api", 300_000, key, "no-such-kid")), "kid");
    }

    /**
     * Verified tokens are remembered (the RSA check once per token, not per request), but only for the key set that
     * verified them: once a key leaves the JWKS file, its tokens stop as soon as the server re-reads the file (every
     * minute, or at once when a token it cannot verify arrives, at most every 2 s), remembered or not.
     */
    @Test
    void aRememberedTokenStopsOnceItsKeyIsDroppedFromTheKeySet() throws Exception {
        Path jwks = Path.of(System.getProperty("orion.it.keys"), "jwks.json");
        String published = Files.readString(jwks);
        RSAKey extra = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("it-extra-" + UUID.randomUUID()).generate();
        String token = token("https://orion.local", "orion-api", 300_000, extra, extra.getKeyID());
        String unknownKid = token("https://orion.local", "orion-api", 300_000, extra, "no-such-kid"); // makes the server re-read
        try {
            var keys = Json.createReader(new StringReader(published)).readObject();
            var withExtra = Json.createObjectBuilder(keys).add("keys", Json.createArrayBuilder(keys.getJsonArray("keys"))
                    .add(Json.createReader(new StringReader(extra.toPublicJWK().toJSONString())).readObject())).build();
            replace(jwks, withExtra.toString());
            Poll.until(Duration.ofSeconds(10), () -> statusWith(token), status -> status == 200);
            assertEquals(200, statusWith(token), "remembered");
            assertEquals(200, statusWith(token), "remembered");
        } finally {
            replace(jwks, published);
        }
        Poll.until(Duration.ofSeconds(10), () -> statusWith(unknownKid) == 401 ? statusWith(token) : 0, status -> status == 401);
    }

    private static void replace(Path file, String content) throws Exception {
        Path next = file.resolveSibling(file.getFileName() + ".it-next");
        Files.writeString(next, content);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void unknownPathIsNotFoundProblem() {
        String token = ApiClients.token(clientId, secret);
        var response = Http.plain().get(Http.BASE + "/api/v1/no-such-thing", "Authorization", ApiClients.bearer(token));
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }
}
