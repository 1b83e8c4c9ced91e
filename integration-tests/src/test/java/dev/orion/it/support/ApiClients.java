package dev.orion.it.support;

import java.util.Map;

/** Creates API clients in the database and fetches tokens for them through the real token endpoint. */
public final class ApiClients {

    private ApiClients() {
    }

    public static String token(String clientId, String secret) {
        var response = Http.plain().postForm(Http.BASE + "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        if (response.statusCode() != 200) {
            throw new AssertionError("Token request failed: " + response.statusCode() + " " + response.body());
        }
        return Http.json(response).getString("access_token");
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
