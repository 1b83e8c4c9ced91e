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
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void tokenSignedByAnIndependentLibraryWithTheConfiguredKeyIsAccepted() throws Exception {
        Path keyFile = Path.of(System.getProperty("orion.it.keys"), "signing-key.jwk.json");
        RSAKey key = RSAKey.parse(Files.readString(keyFile));
        var claims = new JWTClaimsSet.Builder()
                .issuer("https://orion.local").audience("orion-api").subject(clientId)
                .claim("groups", List.of("vendor")).claim("vendor", vendorId)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 300_000))
                .build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        var response = Http.plain().get(PRODUCTS, "Authorization", ApiClients.bearer(jwt.serialize()));
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void unknownPathIsNotFoundProblem() {
        String token = ApiClients.token(clientId, secret);
        var response = Http.plain().get(Http.BASE + "/api/v1/no-such-thing", "Authorization", ApiClients.bearer(token));
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }
}
