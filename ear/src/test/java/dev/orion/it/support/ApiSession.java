package dev.orion.it.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A vendor with its own API client and token, and requests made as that client. */
public final class ApiSession {

    public final long vendorId;
    public final String clientId;
    private final String token;
    private final Http http = Http.plain();

    private ApiSession(long vendorId, String clientId, String token) {
        this.vendorId = vendorId;
        this.clientId = clientId;
        this.token = token;
    }

    public static ApiSession newVendor(String prefix) {
        String code = TestData.unique(prefix);
        long vendorId = TestData.vendor(code);
        String clientId = code + "-api";
        TestData.apiClient(clientId, "secret-" + code, vendorId);
        return new ApiSession(vendorId, clientId, ApiClients.token(clientId, "secret-" + code));
    }

    public String token() {
        return token;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(Http.BASE + "/api/v1" + path)).GET(), headers);
    }

    public HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(Http.BASE + "/api/v1" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder, headers);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
        builder.header("Authorization", ApiClients.bearer(token));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return http.send(builder);
    }

    public static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").split(";")[0];
    }
}
