package dev.orion.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.orion.it.support.ApiClients;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class ClientAdministrationIT extends OrionDeployment {

    private static String platformToken;
    private static long vendorId;

    @BeforeAll
    static void platformClient() {
        String id = TestData.unique("platform");
        TestData.apiClient(id, "platform-secret", null);
        platformToken = ApiClients.token(id, "platform-secret");
        vendorId = TestData.vendor(TestData.unique("admin"));
    }

    private static java.net.http.HttpResponse<String> admin(String method, String path, String body) {
        var builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create(Http.BASE + "/api/v1/admin" + path))
                .header("Authorization", ApiClients.bearer(platformToken))
                .header("Content-Type", "application/json")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        return Http.plain().send(builder);
    }

    private static JsonObject createVendorClient() {
        var created = admin("POST", "/clients", "{\"name\":\"ERP\",\"role\":\"vendor\",\"vendor_id\":" + vendorId + "}");
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created);
    }

    private static int tokenStatus(String clientId, String secret) {
        return Http.plain().postForm(Http.BASE + "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)).statusCode();
    }

    private static String kid(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
        return Http.json(header).getString("kid");
    }

    @Test
    void aVendorClientMayNotAdministerClients() {
        var vendor = ApiSession.newVendor("nosy");
        var response = vendor.send("POST", "/admin/clients", "application/json", "{\"name\":\"x\",\"role\":\"platform\"}");
        assertEquals(403, response.statusCode());
        assertEquals("application/problem+json", ApiSession.contentType(response));
    }

    @Test
    void aCreatedClientCanAuthenticateAndARotatedSecretReplacesTheOldOne() {
        JsonObject client = createVendorClient();
        String id = client.getString("client_id");
        String secret = client.getString("client_secret");
        assertEquals(200, tokenStatus(id, secret));
        assertEquals(200, Http.plain().get(Http.BASE + "/api/v1/products", "Authorization", ApiClients.bearer(ApiClients.token(id, secret))).statusCode());

        var rotated = admin("POST", "/clients/" + id + "/secret", null);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newSecret = Http.json(rotated).getString("client_secret");

        assertEquals(401, tokenStatus(id, secret));
        assertEquals(200, tokenStatus(id, newSecret));
        assertEquals(null, TestData.queryString("SELECT client_id FROM api_clients WHERE secret_hash = ?", newSecret), "stored hashed");
    }

    @Test
    void aRevokedClientsLiveTokensStopWorking() {
        JsonObject client = createVendorClient();
        String token = ApiClients.token(client.getString("client_id"), client.getString("client_secret"));
        assertEquals(200, Http.plain().get(Http.BASE + "/api/v1/products", "Authorization", ApiClients.bearer(token)).statusCode());

        assertEquals(204, admin("DELETE", "/clients/" + client.getString("client_id"), null).statusCode());

        // the build sets ORION_REVOCATION_CHECK_INTERVAL=PT1S (30 s by default)
        Poll.until(Duration.ofSeconds(10),
                () -> Http.plain().get(Http.BASE + "/api/v1/products", "Authorization", ApiClients.bearer(token)).statusCode(),
                status -> status == 401);
        assertEquals(401, tokenStatus(client.getString("client_id"), client.getString("client_secret")));
    }

    @Test
    void afterAKeyRotationOldAndNewTokensAreBothAccepted() {
        JsonObject client = createVendorClient();
        String before = ApiClients.token(client.getString("client_id"), client.getString("client_secret"));

        var rotated = admin("POST", "/keys/rotate", null);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String after = ApiClients.token(client.getString("client_id"), client.getString("client_secret"));

        assertNotEquals(kid(before), kid(after));
        assertEquals(Http.json(rotated).getString("kid"), kid(after));
        for (String token : new String[] {before, after}) {
            assertEquals(200, Http.plain().get(Http.BASE + "/api/v1/products", "Authorization", ApiClients.bearer(token)).statusCode());
        }
    }
}
