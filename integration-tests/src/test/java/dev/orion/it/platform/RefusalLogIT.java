package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.InjectedFailure;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.ServerLog;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Logs an operator can read: a scripted run of expected refusals, each with its own correlation id, leaves one INFO or
 * WARN line per refusal in the JSON server log, never an ERROR and never a stack trace; an unexpected error keeps its
 * stack trace on the line that quotes its correlation id.
 */
@ExtendWith(ArquillianExtension.class)
class RefusalLogIT extends OrionDeployment {

    private static final String TOKEN = Http.BASE + "/api/v1/auth/token";
    private static final Set<String> ERROR_LEVELS = Set.of("ERROR", "SEVERE", "FATAL");
    private static final Set<String> ONE_LINE_LEVELS = Set.of("INFO", "WARN", "WARNING");

    @Test
    void expectedRefusalsAreOneInfoOrWarnLineWithoutAStackTrace() {
        var vendor = ApiSession.newVendor("refusals");
        String known = TestData.unique("cl-refused");
        TestData.apiClient(known, "the right secret", null);
        Map<String, Integer> answered = new LinkedHashMap<>();

        answered.put(token(Map.of("grant_type", "client_credentials", "client_id", known, "client_secret", "wrong"), "secret", 401), 401);
        answered.put(token(Map.of("grant_type", "client_credentials", "client_id", TestData.unique("cl-nobody"), "client_secret", "x"), "unknown", 401),
                401);
        answered.put(token(Map.of("grant_type", "password", "client_id", known, "client_secret", "the right secret"), "grant", 400), 400);
        answered.put(call("GET", "/me", "Bearer not.a.jwt", null, "garbage", 401), 401);
        answered.put(call("GET", "/me", "Bearer " + tampered(vendor.token()), null, "tampered", 401), 401);
        answered.put(call("GET", "/me", null, null, "anonymous", 401), 401);
        answered.put(call("GET", "/products/NO-SUCH-SKU", "Bearer " + vendor.token(), null, "missing", 404), 404);
        answered.put(call("PUT", "/products/BAD", "Bearer " + vendor.token(), "{\"title\": ", "json", 400), 400);
        answered.put(call("POST", "/orders", "Bearer " + vendor.token(), "{\"external_id\":\"x-1\",\"currency\":\"EUR\","
                + "\"customer\":{\"email\":\"ada@example.com\",\"name\":\"Ada\",\"locale\":\"fr\"},"
                + "\"lines\":[{\"sku\":\"NOPE\",\"quantity\":1}]}", "business", 422), 422);
        answered.put(call("DELETE", "/products", "Bearer " + vendor.token(), null, "method", 405), 405);

        // every line of a request is written before its answer leaves (the file handler is synchronous)
        var failures = new StringBuilder();
        answered.forEach((id, status) -> {
            List<JsonObject> lines = ServerLog.withCorrelation(id);
            var errors = lines.stream().filter(r -> ERROR_LEVELS.contains(r.getString("level", "")) || r.containsKey("stackTrace")
                    || r.containsKey("exception")).toList();
            var readable = lines.stream().filter(r -> ONE_LINE_LEVELS.contains(r.getString("level", ""))).toList();
            if (!errors.isEmpty()) {
                failures.append('\n').append(id).append(" (").append(status).append(") logged an error or a stack trace: ").append(errors);
            }
            if (readable.size() != 1) {
                failures.append('\n').append(id).append(" (").append(status).append(") logged ").append(readable.size())
                        .append(" INFO/WARN lines instead of one: ").append(readable);
            } else if (!readable.get(0).getString("message", "").contains(String.valueOf(status))
                    && !readable.get(0).getString("message", "").contains("refused")) {
                failures.append('\n').append(id).append(" (").append(status).append(") logged a line that does not name the refusal: ")
                        .append(readable.get(0));
            }
        });
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void anUnexpectedErrorKeepsItsStackTraceOnTheLineThatQuotesItsCorrelationId() {
        var vendor = ApiSession.newVendor("unexpected");
        String id = TestData.unique("boom");
        var answer = InjectedFailure.refusedProductPut(vendor, "unexp", id);
        assertEquals(500, answer.statusCode(), answer.body());

        // every line of a request is written before its answer leaves (the file handler is synchronous)
        var unexpected = ServerLog.withCorrelation(id).stream()
                .filter(r -> r.getString("message", "").equals("Unexpected error, correlation id " + id)).toList();
        assertEquals(1, unexpected.size(), "one line for one unexpected error: " + ServerLog.withCorrelation(id));
        assertTrue(ERROR_LEVELS.contains(unexpected.get(0).getString("level")), unexpected.get(0).toString());
        assertTrue(unexpected.get(0).getString("stackTrace", "").contains("injected failure"), unexpected.get(0).toString());
        assertTrue(ServerLog.withCorrelation(id).stream().noneMatch(r -> r.getString("message", "").startsWith("Refused ")),
                "an unexpected error is not logged as a refusal");
    }

    private static String token(Map<String, String> form, String label, int status) {
        String id = TestData.unique("refusal-" + label);
        HttpResponse<String> answer = Http.plain().postForm(TOKEN, form, "X-Request-Id", id, "X-Forwarded-For",
                "198.51.100." + (1 + Math.abs(id.hashCode() % 250)));
        assertEquals(status, answer.statusCode(), label + ": " + answer.body());
        return id;
    }

    private static String call(String method, String path, String authorization, String json, String label, int status) {
        String id = TestData.unique("refusal-" + label);
        var request = HttpRequest.newBuilder(URI.create(Http.BASE + "/api/v1" + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("X-Request-Id", id);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        var answer = Http.plain().send(request);
        assertEquals(status, answer.statusCode(), label + ": " + answer.body());
        return id;
    }

    /** The vendor's own token with one character of its signature changed: well formed, signed by no one. */
    private static String tampered(String token) {
        char last = token.charAt(token.length() - 2);
        return token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
    }
}
