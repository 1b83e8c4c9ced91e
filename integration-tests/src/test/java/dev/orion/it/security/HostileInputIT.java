package dev.orion.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hostile-input walk: every operation of Orion's own {@code /openapi} document gets malformed path ids,
 * query values and bodies, as a vendor client and as a platform client. No answer may be 5xx (or no answer at
 * all), and every error answer is problem+json. All offenders are reported at once.
 *
 * <p>The walk never touches data that other tests share: path ids are malformed or do not exist, both clients
 * are throw-away, they run on the {@code walk} rate plan (ORION_RATE_PLAN_WALK in integration-tests/pom.xml) so the standard
 * budget does not turn the walk into a wall of 429s, and the token endpoint (budgeted per IP, shared with every
 * other test) is walked slowly enough to stay inside its budget.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT extends OrionDeployment {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/api/v1";
    private static final String TOKEN_PATH = PREFIX + "/auth/token";
    /** Rotating the signing key reads no input at all: walking it as a platform client would only rotate keys. */
    private static final String KEY_ROTATION = "POST " + PREFIX + "/admin/keys/rotate";
    private static final String HUGE = "9".repeat(5_000);
    private static final String BIG_STRING = "x".repeat(100 * 1024);
    private static final int DEPTH = 2_000;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> offenders = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sent = new AtomicInteger();
    private JsonNode document;

    @Test
    void noOperationAnswers5xxOrAnErrorThatIsNotProblemJson() throws Exception {
        var fetched = Http.plain().get(Http.BASE + "/openapi?format=JSON");
        assertEquals(200, fetched.statusCode());
        document = JSON.readTree(fetched.body());

        var vendor = ApiSession.newVendor("walk");
        var platform = ApiSession.newPlatform("walk");
        for (String clientId : List.of(vendor.clientId, platform.clientId)) {
            TestData.queryString("UPDATE api_clients SET rate_plan = 'walk' WHERE client_id = ? RETURNING client_id", clientId);
        }
        // the plan is a claim of the token: fetch new ones now that the clients are on the walk plan
        var walkVendor = vendor.withNewToken();
        var walkPlatform = platform.withNewToken();
        TestData.product(vendor.vendorId, "WALK-1", "Walk", "1.00");

        String lastClient = TestData.queryString("SELECT coalesce(max(id), 0) FROM api_clients");
        long started = System.nanoTime();
        List<Probe> probes = new ArrayList<>();
        List<Probe> tokenProbes = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!List.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                return;
            }
            String method = op.getKey().toUpperCase();
            String template = path.getKey();
            if (template.equals(TOKEN_PATH)) {
                tokenProbes.addAll(probes(method, template, op.getValue(), null, 0));
                return;
            }
            probes.addAll(probes(method, template, op.getValue(), walkVendor, 0));
            if (!(method + " " + template).equals(KEY_ROTATION)) {
                probes.addAll(probes(method, template, op.getValue(), walkPlatform, vendor.vendorId));
            }
        }));
        assertTrue(probes.size() > 500, "the walk found too few operations in /openapi: " + probes.size());

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Probe probe : probes) {
                running.add(pool.submit(() -> send(probe)));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (Probe probe : tokenProbes) {
            send(probe);
            Thread.sleep(150); // the token endpoint's per-IP budget (10/s) is shared with every other test
        }
        Thread.sleep(3_000); // leave the per-IP token budget full for the next test
        // a body the admin API accepted made a throw-away client: none of them may keep working
        TestData.execute("UPDATE api_clients SET revoked_at = now() WHERE id > ? AND revoked_at IS NULL", Long.parseLong(lastClient));

        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf("Hostile-input walk: %d requests in %d s, %d offenders%n", sent.get(), seconds, offenders.size());
        assertTrue(offenders.isEmpty(), offenders.size() + " of " + sent.get() + " hostile requests were answered badly:\n"
                + String.join("\n", offenders.stream().sorted().toList()));
    }

    // ------------------------------------------------------------------------------------------------ probes

    private record Probe(String label, String method, String pathAndQuery, String contentType, byte[] body, String token) {
    }

    private List<Probe> probes(String method, String template, JsonNode operation, ApiSession as, long vendorId) {
        String role = as == null ? "anonymous" : vendorId == 0 ? "vendor" : "platform";
        String token = as == null ? null : as.token();
        Map<String, String> pathParams = new LinkedHashMap<>();
        Map<String, String> queryParams = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String in = parameter.path("in").asText();
            String name = parameter.path("name").asText();
            String type = resolve(parameter.path("schema")).path("type").asText("string");
            if (in.equals("path")) {
                pathParams.put(name, type.equals("integer") ? "999999999" : "walk-missing");
            } else if (in.equals("query")) {
                queryParams.put(name, type);
            }
        }
        // a platform client acts for a vendor with ?vendor=; give it one so the walk reaches the operation itself
        String baseQuery = vendorId != 0 && queryParams.containsKey("vendor") ? "vendor=" + vendorId : "";
        String basePath = fill(template, pathParams, null, null);
        List<Probe> probes = new ArrayList<>();
        String name = method + " " + template + " as " + role;

        for (String param : pathParams.keySet()) {
            for (var value : hostilePathValues().entrySet()) {
                probes.add(new Probe(name + " path " + param + "=" + value.getKey(), method,
                        withQuery(fill(template, pathParams, param, value.getValue()), baseQuery), null, null, token));
            }
        }
        for (var param : queryParams.entrySet()) {
            for (var value : hostileQueryValues().entrySet()) {
                String query = join(param.getKey().equals("vendor") ? "" : baseQuery, param.getKey() + "=" + value.getValue());
                probes.add(new Probe(name + " query " + param.getKey() + "=" + value.getKey(), method,
                        withQuery(basePath, query), null, null, token));
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        List<String> mediaTypes = new ArrayList<>();
        content.fieldNames().forEachRemaining(mediaTypes::add);
        boolean firstOther = true;
        for (String mediaType : mediaTypes) {
            Map<String, byte[]> bodies;
            String sentType = mediaType;
            if (mediaType.endsWith("json")) {
                bodies = hostileJsonBodies(resolve(content.path(mediaType).path("schema")));
            } else if (mediaType.equals("application/x-www-form-urlencoded")) {
                bodies = hostileFormBodies();
            } else if (mediaType.startsWith("multipart/")) {
                sentType = "multipart/form-data; boundary=walk";
                bodies = hostileMultipartBodies();
            } else if (firstOther) {
                // raw feeds start an import job each time one is accepted: one media type is walked, with the few
                // bodies that must be refused before any job starts
                firstOther = false;
                bodies = hostileFeedBodies();
            } else {
                continue;
            }
            for (var body : bodies.entrySet()) {
                probes.add(new Probe(name + " body(" + mediaType + ") " + body.getKey(), method,
                        withQuery(basePath, baseQuery), sentType, body.getValue(), token));
            }
            if (mediaType.startsWith("multipart/")) {
                probes.add(new Probe(name + " body(multipart without boundary)", method, withQuery(basePath, baseQuery),
                        "multipart/form-data", bytes("--x\r\n\r\n"), token));
            }
        }
        if (!mediaTypes.isEmpty()) {
            probes.add(new Probe(name + " body with a media type it does not take", method, withQuery(basePath, baseQuery),
                    "application/x-walk", bytes("{}"), token));
            probes.add(new Probe(name + " body with a broken media type", method, withQuery(basePath, baseQuery),
                    "application/json; charset=\"", bytes("{}"), token));
        }
        return probes;
    }

    /** Path segments as they go on the wire (already percent-encoded where needed). */
    private static Map<String, String> hostilePathValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("NUL", "%00");
        values.put("NUL inside", "1%00");
        values.put("huge", HUGE);
        values.put("overflow", "99999999999999999999");
        values.put("dot-dot encoded", "..%2F..%2Fadmin");
        values.put("dot-dot", "..");
        values.put("unicode", enc("ünï\u2603\uD83D\uDCA9"));
        values.put("invalid UTF-8", "%C3%28%FF");
        values.put("negative", "-1");
        values.put("non-numeric", "abc");
        values.put("decimal", "1.5");
        values.put("blank", "%20");
        values.put("CRLF", "%0D%0Aset-cookie:%20x");
        values.put("percent", "%25");
        values.put("semicolon matrix", "1;a=b");
        return values;
    }

    private static Map<String, String> hostileQueryValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("non-numeric", "abc");
        values.put("negative", "-1");
        values.put("zero", "0");
        values.put("overflow", "99999999999999999999");
        values.put("huge", HUGE);
        values.put("NUL", "%00");
        values.put("invalid UTF-8", "%C3%28%FF");
        values.put("empty", "");
        values.put("unicode", enc("ünï\u2603\uD83D\uDCA9"));
        values.put("date-ish", "2026-13-45T99:99:99Z");
        return values;
    }

    private Map<String, byte[]> hostileJsonBodies(JsonNode schema) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty", new byte[0]);
        bodies.put("truncated object", bytes("{\"a\":"));
        bodies.put("truncated string", bytes("{\"a\":\"b"));
        bodies.put("array", bytes("[]"));
        bodies.put("string", bytes("\"walk\""));
        bodies.put("null", bytes("null"));
        bodies.put("number", bytes("-1e999"));
        bodies.put("duplicate keys", bytes("{\"a\":1,\"a\":2}"));
        bodies.put("byte order mark then garbage", bytes("\uFEFF{]"));
        bodies.put("2,000 nested objects", bytes("{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH)));
        bodies.put("2,000 nested arrays", bytes("[".repeat(DEPTH) + "]".repeat(DEPTH)));
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        if (properties.isEmpty()) {
            properties.add("a");
        }
        Map<String, String> wrongTypes = new LinkedHashMap<>();
        wrongTypes.put("numbers", "123");
        wrongTypes.put("negative numbers", "-99999999999999999999");
        wrongTypes.put("huge decimals", "1" + "0".repeat(400) + ".5e99999");
        wrongTypes.put("booleans", "true");
        wrongTypes.put("objects", "{\"x\":1}");
        wrongTypes.put("arrays", "[1,\"x\",null]");
        wrongTypes.put("strings", "\"x\"");
        wrongTypes.put("nulls", "null");
        wrongTypes.put("100 KB strings", "\"" + BIG_STRING + "\"");
        wrongTypes.put("escaped NULs", "\"a\\u0000b\"");
        wrongTypes.put("lone surrogates", "\"\\uD800\"");
        wrongTypes.put("unicode", "\"ünï\u2603\uD83D\uDCA9\"");
        wrongTypes.put("empty strings", "\"\"");
        wrongTypes.put("deep nesting", "[".repeat(DEPTH) + "]".repeat(DEPTH));
        wrongTypes.put("lists of 100 KB strings", "[\"" + BIG_STRING + "\"]");
        wrongTypes.put("lists of objects of wrong types", "[{\"sku\":{},\"delta\":\"x\",\"quantity\":[],\"reason\":1}]");
        for (var wrong : wrongTypes.entrySet()) {
            StringBuilder body = new StringBuilder("{");
            for (String property : properties) {
                body.append(body.length() > 1 ? "," : "").append('"').append(property).append("\":").append(wrong.getValue());
            }
            bodies.put("every member " + wrong.getKey(), bytes(body.append('}').toString()));
        }
        ObjectNode baseline = baseline(schema, 0);
        bodies.put("baseline", bytes(baseline.toString()));
        for (var member : members(schema, "", 0).entrySet()) {
            for (var mutation : mutations(member.getValue()).entrySet()) {
                ObjectNode mutated = baseline.deepCopy();
                if (set(mutated, member.getKey(), mutation.getValue())) {
                    bodies.put(member.getKey() + " " + mutation.getKey(), bytes(mutated.toString()));
                }
            }
        }
        bodies.put("invalid UTF-8 bytes", concat(bytes("{\"" + properties.get(0) + "\":\""), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, bytes("\"}")));
        bodies.put("raw NUL bytes", concat(bytes("{\"" + properties.get(0) + "\":\"a"), new byte[] {0, 0}, bytes("b\"}")));
        bodies.put("NUL byte outside a string", concat(bytes("{"), new byte[] {0}, bytes("}")));
        return bodies;
    }

    private static Map<String, byte[]> hostileFormBodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty", new byte[0]);
        bodies.put("NUL client", bytes("grant_type=client_credentials&client_id=%00&client_secret=%00"));
        bodies.put("invalid UTF-8", bytes("grant_type=client_credentials&client_id=%C3%28%FF&client_secret=x"));
        bodies.put("broken escapes", bytes("grant_type=%&client_id=%G1&client_secret=%"));
        bodies.put("huge client", bytes("grant_type=client_credentials&client_id=" + "x".repeat(10_000) + "&client_secret=x"));
        bodies.put("wrong grant", bytes("grant_type=" + enc("\u2603") + "&client_id=a&client_secret=b"));
        bodies.put("raw NUL bytes", concat(bytes("grant_type=client_credentials&client_id=a"), new byte[] {0}, bytes("&client_secret=b")));
        bodies.put("JSON instead", bytes("{\"client_id\":1}"));
        return bodies;
    }

    private static Map<String, byte[]> hostileMultipartBodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty", new byte[0]);
        bodies.put("truncated part", bytes("--walk\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.csv\"\r\n\r\nid"));
        bodies.put("no parts", bytes("--walk--\r\n"));
        bodies.put("garbage", concat(bytes("--walk\r\n"), new byte[] {0, (byte) 0xFF, (byte) 0xC3, 0x28}, bytes("\r\n--walk--\r\n")));
        bodies.put("part without name", bytes("--walk\r\nContent-Type: text/csv\r\n\r\nid\r\n--walk--\r\n"));
        return bodies;
    }

    private static Map<String, byte[]> hostileFeedBodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty", new byte[0]);
        bodies.put("NUL bytes", new byte[] {0, 0, 0, 0, 0, 0, 0, 0});
        bodies.put("invalid UTF-8 binary", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, (byte) 0xC3, 0x28, 0, 1, 2});
        return bodies;
    }

    // --------------------------------------------------------------------- a plausible body, member by member

    /** Values for members whose schema has a pattern the walk cannot invent, so the baseline body gets far. */
    private static final Map<String, String> KNOWN = Map.of("price", "1.00", "currency", "EUR", "availability", "in_stock",
            "role", "platform", "rate_plan", "standard", "format", "csv", "url", "http://127.0.0.1:9/walk.csv",
            "email", "walk@example.com", "time_zone", "UTC", "expression", "0 0 * * * ?");

    /** A body the operation could accept: every member filled with a value of its type (patterns from KNOWN). */
    private ObjectNode baseline(JsonNode schema, int depth) {
        ObjectNode body = JSON.createObjectNode();
        schema.path("properties").properties().forEach(member -> {
            JsonNode value = sample(member.getKey(), resolve(member.getValue()), depth);
            if (value != null) {
                body.set(member.getKey(), value);
            }
        });
        return body;
    }

    private JsonNode sample(String name, JsonNode schema, int depth) {
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        if (KNOWN.containsKey(name)) {
            return JSON.getNodeFactory().textNode(KNOWN.get(name));
        }
        return switch (schema.path("type").asText()) {
            case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            case "array" -> depth > 2 ? null : JSON.createArrayNode().add(Objects.requireNonNullElse(
                    sample(name, resolve(schema.path("items")), depth + 1), JSON.getNodeFactory().textNode("walk")));
            case "object" -> depth > 2 ? null : baseline(schema, depth + 1);
            case "string" -> schema.has("pattern") ? null : JSON.getNodeFactory().textNode(switch (schema.path("format").asText()) {
                case "date" -> "2026-01-01";
                case "date-time" -> "2026-01-01T00:00:00Z";
                case "email" -> "walk@example.com";
                default -> "hostile-walk";
            });
            default -> null;
        };
    }

    /** Member paths ("lines/0/sku") to their type, down to the members of objects inside arrays. */
    private Map<String, String> members(JsonNode schema, String prefix, int depth) {
        Map<String, String> members = new LinkedHashMap<>();
        schema.path("properties").properties().forEach(member -> {
            JsonNode type = resolve(member.getValue());
            String path = prefix + member.getKey();
            members.put(path, type.path("type").asText("string"));
            if (depth < 2 && type.path("type").asText().equals("array")) {
                members.putAll(members(resolve(type.path("items")), path + "/0/", depth + 1));
            } else if (depth < 2 && type.path("type").asText().equals("object")) {
                members.putAll(members(type, path + "/", depth + 1));
            }
        });
        return members;
    }

    private static Map<String, JsonNode> mutations(String type) {
        var f = JSON.getNodeFactory();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        switch (type) {
            case "string" -> {
                values.put("100 KB", f.textNode(BIG_STRING));
                values.put("NUL", f.textNode("a\u0000b"));
                values.put("control characters", f.textNode("a\u0001\r\n\u001bb"));
                values.put("empty", f.textNode(""));
                values.put("unicode", f.textNode("ünï\u2603\uD83D\uDCA9"));
                values.put("lone surrogate", f.textNode("\uD800"));
                values.put("number", f.numberNode(7));
            }
            case "integer", "number" -> {
                values.put("past int", f.numberNode(2_147_483_648L));
                values.put("past long", f.numberNode(new java.math.BigInteger("99999999999999999999999")));
                values.put("negative", f.numberNode(-1));
                values.put("fraction", f.numberNode(0.5));
                values.put("huge exponent", f.numberNode(new java.math.BigDecimal("1e400")));
                values.put("string", f.textNode("12"));
            }
            default -> {
                values.put("string", f.textNode("walk"));
                values.put("number", f.numberNode(7));
            }
        }
        values.put("null", f.nullNode());
        values.put("object", JSON.createObjectNode().put("walk", 1));
        return values;
    }

    /** Sets the member at {@code path} ("lines/0/sku"); false when the baseline has no such place. */
    private static boolean set(ObjectNode body, String path, JsonNode value) {
        String[] steps = path.split("/");
        JsonNode container = body;
        for (int i = 0; i < steps.length - 1; i++) {
            container = steps[i].matches("\\d+") ? container.path(Integer.parseInt(steps[i])) : container.path(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (container instanceof ObjectNode object) {
            object.set(last, value);
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ sending

    private void send(Probe probe) {
        sent.incrementAndGet();
        HttpResponse<String> response;
        try {
            var builder = HttpRequest.newBuilder(URI.create(Http.BASE + probe.pathAndQuery())).timeout(Duration.ofSeconds(30))
                    .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
            if (probe.contentType() != null) {
                builder.header("Content-Type", probe.contentType());
            }
            if (probe.token() != null) {
                builder.header("Authorization", "Bearer " + probe.token());
            }
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException e) {
            offenders.add(probe.label() + ": the walk could not build the request (" + e.getMessage() + ")");
            return;
        } catch (IOException e) {
            offenders.add(probe.label() + ": no answer (" + e + ")");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        if (status >= 500) {
            offenders.add(probe.label() + ": " + status + " " + excerpt(response.body()));
        } else if (status >= 400 && !type.equals("application/problem+json")) {
            offenders.add(probe.label() + ": " + status + " as '" + type + "' " + excerpt(response.body()));
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return document.at(ref.substring(1));
        }
        return schema;
    }

    private static String fill(String template, Map<String, String> params, String hostile, String value) {
        String path = template;
        for (var param : params.entrySet()) {
            path = path.replace("{" + param.getKey() + "}", param.getKey().equals(hostile) ? value : param.getValue());
        }
        return path;
    }

    private static String withQuery(String path, String query) {
        return query.isEmpty() ? path : path + "?" + query;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "&" + b;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
