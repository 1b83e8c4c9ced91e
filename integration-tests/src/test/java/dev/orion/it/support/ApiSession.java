package dev.orion.it.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A vendor with its own API client and token, and requests made as that client. */
public final class ApiSession {

    public final long vendorId;
    public final String clientId;
    private final String secret;
    private final String token;
    private final Http http = Http.plain();

    private ApiSession(long vendorId, String clientId, String secret) {
        this.vendorId = vendorId;
        this.clientId = clientId;
        this.secret = secret;
        this.token = ApiClients.token(clientId, secret);
    }

    public static ApiSession newVendor(String prefix) {
        String code = TestData.unique(prefix);
        long vendorId = TestData.vendor(code);
        String clientId = code + "-api";
        TestData.apiClient(clientId, "secret-" + code, vendorId);
        return new ApiSession(vendorId, clientId, "secret-" + code);
    }

    /** A platform client (no vendor of its own; acts for any vendor with ?vendor=). */
    public static ApiSession newPlatform(String prefix) {
        String clientId = TestData.unique(prefix) + "-platform";
        TestData.apiClient(clientId, "secret-" + clientId, null);
        return new ApiSession(0, clientId, "secret-" + clientId);
    }

    /** The same client with a new token, e.g. after its rate plan (a claim of the token) was changed. */
    public ApiSession withNewToken() {
        return new ApiSession(vendorId, clientId, secret);
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

    public HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(Http.BASE + "/api/v1" + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        return send(builder, headers);
    }

    /** GET returning raw bytes, for file downloads. */
    public HttpResponse<byte[]> download(String path) {
        var builder = HttpRequest.newBuilder(URI.create(Http.BASE + "/api/v1" + path)).GET()
                .header("Authorization", ApiClients.bearer(token));
        return http.sendForBytes(builder);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
        builder.header("Authorization", ApiClients.bearer(token));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return http.send(builder);
    }

    /** The part of an absolute API URL (a Location, a link in a body) after /api/v1, for {@link #get}. */
    public static String path(String url) {
        return URI.create(url).getPath().substring("/api/v1".length());
    }

    public static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").split(";")[0];
    }
}
