package dev.orion.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Directories;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.ServedFile;
import dev.orion.it.support.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document tells the truth: live responses of every kind of call are validated against the schema
 * the document gives for that operation, status and media type. Documented objects are checked closed
 * (no undocumented members), so a renamed or added field fails here. And the document as a B2B developer uses it,
 * with openapi-generator 7.25.0: its validator (the CLI jar from Maven Central, run as its own process) finds no
 * issue; and an integrator's Maven project (test resources: integrator/) is built with a nested Maven run, where
 * openapi-generator's Maven plugin reads the live /openapi (validation on), generates the Java client (native
 * library, the Products, Orders and Webhook endpoints APIs) and the compiler compiles it with the integrator's code.
 * Run in a JVM of its own on that project's classpath, {@code dev.example.integrator.Integrator} creates a webhook
 * endpoint, lists products, places an order with an Idempotency-Key whose retry is replayed, receives the order's
 * event and verifies its signature with the secret the endpoint's creation answered. The signature check is
 * docs/webhooks.md's own: its Java snippet is copied as it stands into the integrator's sources, and its openssl
 * lines are run on the delivery received.
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiContractIT extends OrionDeployment {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/api/v1";

    private JsonNode document;
    private JsonNode closedComponents;

    @BeforeEach
    void fetchDocument() throws IOException {
        var response = Http.plain().get(Http.BASE + "/openapi?format=JSON");
        assertEquals(200, response.statusCode());
        document = JSON.readTree(response.body());
        closedComponents = document.get("components").deepCopy();
        closedComponents.get("schemas").properties().forEach(entry -> {
            var schema = (ObjectNode) entry.getValue();
            if (!entry.getKey().equals("Problem") && schema.has("properties") && !schema.has("additionalProperties")) {
                schema.put("additionalProperties", false);
            }
        });
    }

    @Test
    void documentDescribesSecurityErrorsAndSnakeCase() {
        assertEquals("bearer", document.at("/components/securitySchemes/bearer/scheme").asText());
        List<String> problems = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            if (!path.getKey().equals(PREFIX + "/auth/token") && !operation.has("security")) {
                problems.add(name + " has no security requirement");
            }
            if (!operation.at("/responses/default/content/application~1problem+json").isObject()) {
                problems.add(name + " does not document problem+json errors");
            }
        }));
        document.at("/components/schemas").properties().forEach(schema -> schema.getValue().path("properties")
                .fieldNames().forEachRemaining(field -> {
                    if (!field.equals(field.toLowerCase())) {
                        problems.add(schema.getKey() + "." + field + " is not snake_case");
                    }
                }));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * What client generators and linters need (issue 19): a tag per resource and on every operation, an operationId
     * an integrator would write (listProducts, not ProductsResource_list), unique, a summary, servers, a complete
     * license and externalDocs (WildFly writes both as objects even when unset), and examples on the main schemas.
     */
    @Test
    void everyOperationIsTaggedNamedAndSummarisedForClientGenerators() {
        List<String> problems = new ArrayList<>();
        var declaredTags = new java.util.HashSet<String>();
        document.path("tags").forEach(tag -> declaredTags.add(tag.path("name").asText()));
        var operationIds = new java.util.HashSet<String>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            String id = operation.path("operationId").asText();
            if (!id.matches("[a-z][a-zA-Z0-9]+")) {
                problems.add(name + " has operationId '" + id + "', not a lowerCamelCase name");
            } else if (!operationIds.add(id)) {
                problems.add(name + " repeats operationId " + id);
            }
            if (operation.path("summary").asText().isBlank()) {
                problems.add(name + " has no summary");
            }
            if (operation.path("tags").size() != 1 || !declaredTags.contains(operation.path("tags").path(0).asText())) {
                problems.add(name + " has tags " + operation.path("tags") + ", not one of the declared " + declaredTags);
            }
        }));
        if (!document.path("servers").path(0).has("url")) {
            problems.add("no servers");
        }
        for (String required : List.of("/info/license/name", "/info/license/identifier", "/externalDocs/url", "/info/contact/name")) {
            if (document.at(required).asText().isBlank()) {
                problems.add(required + " is missing");
            }
        }
        for (String schema : List.of("ProductJson", "ProductBody", "OrderJson", "OrderBody", "Invoice", "ImportStatus",
                "SalesReportBody", "Problem")) {
            if (!document.at("/components/schemas/" + schema + "/examples/0").isObject()) {
                problems.add("schema " + schema + " has no example");
            }
        }
        for (String expected : List.of("listProducts", "getProduct", "putProduct", "createOrder", "listOrders",
                "adjustStock", "startProductImport", "createSalesReport", "issueInvoice", "issueAccessToken")) {
            if (!operationIds.contains(expected)) {
                problems.add("no operation " + expected);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void liveResponsesMatchTheDocument() {
        var vendor = ApiSession.newVendor("oas");
        var platform = ApiSession.newPlatform("oas");
        TestData.product(vendor.vendorId, "MUG", "Mug", "4.50");
        String json = "application/json";

        check("POST", "/auth/token", Http.plain().postForm(Http.BASE + PREFIX + "/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", vendor.clientId, "client_secret", "nope")));
        check("GET", "/products", Http.plain().get(Http.BASE + PREFIX + "/products"));
        check("GET", "/products", vendor.get("/products?limit=1"));
        check("GET", "/products/{sku}", vendor.get("/products/MUG"));
        check("GET", "/products/{sku}", vendor.get("/products/NOPE"));
        check("PUT", "/products/{sku}", vendor.send("PUT", "/products/LAMP", json,
                "{\"title\":\"Lamp\",\"price\":\"19.90\",\"currency\":\"EUR\",\"stock\":3,\"availability\":\"in_stock\"}"));
        check("PUT", "/products/{sku}", vendor.send("PUT", "/products/BAD", json, "{\"title\":\"\",\"price\":\"x\"}"));
        check("PATCH", "/products/{sku}", vendor.send("PATCH", "/products/LAMP", "application/merge-patch+json", "{\"stock\":4}"));
        check("POST", "/stock/adjustments", vendor.send("POST", "/stock/adjustments", json,
                "{\"adjustments\":[{\"sku\":\"MUG\",\"delta\":2,\"reason\":\"recount\"}]}"));
        check("POST", "/stock/adjustments", vendor.send("POST", "/stock/adjustments", json,
                "{\"adjustments\":[{\"sku\":\"MUG\",\"delta\":-999,\"reason\":\"oops\"}]}"));

        var order = vendor.send("POST", "/orders", json, "{\"currency\":\"EUR\",\"customer\":{\"email\":\"ada@example.com\"},"
                + "\"lines\":[{\"sku\":\"MUG\",\"quantity\":1}]}");
        check("POST", "/orders", order);
        long orderId = Http.json(order).getJsonNumber("id").longValue();
        check("GET", "/orders", vendor.get("/orders"));
        check("GET", "/orders/{id}", vendor.get("/orders/" + orderId));
        check("POST", "/orders/{id}/transitions", vendor.send("POST", "/orders/" + orderId + "/transitions", json, "{\"to\":\"DELIVERED\"}"));
        check("POST", "/orders/{id}/transitions", vendor.send("POST", "/orders/" + orderId + "/transitions", json, "{\"to\":\"CONFIRMED\"}"));
        check("POST", "/orders", vendor.send("POST", "/orders", json, "{\"currency\":\"euro\",\"lines\":[]}"));
        check("POST", "/orders", vendor.send("POST", "/orders", json, "{not json"));

        var upload = vendor.post("/imports", "text/tab-separated-values",
                "id\ttitle\tprice\tavailability\nA\tA\t1.00 EUR\tin_stock\n".getBytes(StandardCharsets.UTF_8));
        check("POST", "/imports", upload);
        long importId = Http.json(upload).getJsonNumber("id").longValue();
        Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get("/imports/" + importId)).getString("status"),
                s -> s.equals("COMPLETED") || s.equals("FAILED"));
        check("GET", "/imports/{id}", vendor.get("/imports/" + importId));

        var report = vendor.send("POST", "/reports/sales", json, "{\"from\":\"2026-01-01\",\"to\":\"2026-01-31\",\"format\":\"csv\"}");
        check("POST", "/reports/sales", report);
        check("GET", "/reports/{id}", vendor.get("/reports/" + Http.json(report).getJsonNumber("id").longValue()));

        check("GET", "/batch/executions", platform.get("/batch/executions?limit=5"));
        check("GET", "/batch/executions/{id}", platform.get("/batch/executions/" + importId));
        check("GET", "/batch/executions/{id}/steps", platform.get("/batch/executions/" + importId + "/steps"));
        check("POST", "/batch/executions/{id}/stop", platform.send("POST", "/batch/executions/" + importId + "/stop", null, null));
        check("GET", "/batch/executions", vendor.get("/batch/executions"));
        check("GET", "/admin/clients", platform.get("/admin/clients"));
        check("GET", "/request-logs", vendor.get("/request-logs?limit=5"));
        check("GET", "/request-logs", vendor.get("/request-logs?status_class=9xx"));
        var me = vendor.get("/me");
        check("GET", "/me", me);
        assertEquals(vendor.clientId, Http.json(me).getString("client_id"));
        assertEquals(vendor.vendorId, Http.json(me).getJsonNumber("vendor_id").longValue());
    }

    @Test
    void swaggerUiServesTheLiveDocument() {
        var http = Http.plain();
        var page = http.get(Http.BASE + "/api/docs/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("swagger-initializer.js"), page.body());
        var initializer = http.get(Http.BASE + "/api/docs/swagger-initializer.js");
        assertEquals(200, initializer.statusCode());
        assertTrue(initializer.body().contains("url: \"/openapi?format=JSON\""), initializer.body());
        assertEquals(200, http.get(Http.BASE + "/api/docs/swagger-ui-bundle.js").statusCode());
    }

    /** Validates one live response against the document's schema for its operation, status and media type. */
    private void check(String method, String template, HttpResponse<String> response) {
        String where = method + " " + template + " -> " + response.statusCode();
        JsonNode operation = document.path("paths").path(PREFIX + template).path(method.toLowerCase());
        assertFalse(operation.isMissingNode(), where + ": operation not in the document");
        JsonNode responses = operation.path("responses");
        String status = Integer.toString(response.statusCode());
        JsonNode documented = responses.has(status) ? responses.get(status)
                : responses.has(status.charAt(0) + "XX") ? responses.get(status.charAt(0) + "XX") : responses.get("default");
        assertTrue(documented != null && !documented.isMissingNode(), where + ": status not documented");
        if (response.body().isEmpty()) {
            return;
        }
        String mediaType = ApiSession.contentType(response);
        JsonNode schema = documented.path("content").path(mediaType).path("schema");
        assertFalse(schema.isMissingNode(), where + ": " + mediaType + " not documented; documented: " + documented.path("content"));
        ObjectNode standalone = schema.deepCopy();
        standalone.set("components", closedComponents);
        try {
            var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(standalone)
                    .validate(JSON.readTree(response.body()));
            assertTrue(errors.isEmpty(), where + ": " + errors + "\nbody: " + response.body());
        } catch (IOException e) {
            throw new AssertionError(where + ": body is not JSON: " + response.body(), e);
        }
    }

    private static final Path WORK = Path.of(System.getProperty("orion.it.generated.client"));
    private static final Path GENERATOR = Path.of(System.getProperty("orion.it.openapi.generator.jar"));
    private static final Path WEBHOOKS_DOC = Path.of(System.getProperty("orion.it.docs"), "webhooks.md");

    @Test
    void liveDocumentPassesTheValidator() {
        Path document = savedDocument("validate");
        var run = generator("validate", "--recommend", "-i", document.toString());
        assertEquals(0, run.exitCode, run.output);
        assertTrue(run.output.contains("No validation issues detected"), run.output);
    }

    @Test
    void generatedJavaClientPlacesAnOrderWithAnIdempotencyKeyAndVerifiesItsWebhookSignature() throws Exception {
        var vendor = ApiSession.newVendor("gen");
        TestData.product(vendor.vendorId, "GEN-MUG", "Mug", "4.50");
        Path project = integratorProject(WORK.resolve("integrator"));
        documentedSignatureCheck(project.resolve("src/main/java"));
        // the plugin reads the live document itself; validation stays on, so an invalid document fails the build
        Path classpath = buildWithMaven(project, "-Dorion.openapi.url=" + Http.BASE + "/openapi?format=JSON");

        String key = "gen-" + UUID.randomUUID();
        Map<String, String> seen = runIntegrator(project, classpath, Map.of("base_url", Http.BASE, "token", vendor.token(),
                "sku", "GEN-MUG", "idempotency_key", key, "webhook_host", ServedFile.HOST));

        assertEquals(null, seen.get("error"), seen.toString());
        assertEquals("GEN-MUG", seen.get("skus"), seen.toString());
        assertEquals("201", seen.get("status"), seen.toString());
        assertEquals("PENDING", seen.get("order_status"), seen.toString());
        assertEquals("9.00", seen.get("total"), seen.toString());
        assertNotNull(seen.get("order_id"));
        assertEquals(seen.get("order_id"), seen.get("retry_order_id"), "the retry with the same key replays the order");
        assertEquals("true", seen.get("retry_replayed"), seen.toString());

        // the webhook, received by the integrator and checked with docs/webhooks.md's Java snippet
        assertTrue(seen.get("webhook_secret").startsWith("whsec_"), seen.toString());
        assertEquals("order.created", seen.get("webhook_event_type"), seen.toString());
        assertEquals(seen.get("order_id"), seen.get("webhook_order_id"), "the delivery is the placed order's event");
        assertEquals("true", seen.get("signature_valid"), "the signature verifies with the secret: " + seen);
        assertEquals("false", seen.get("replay_accepted"), "a delivery signed over 5 minutes ago is refused: " + seen);
        assertEquals("false", seen.get("tampered_accepted"), "a changed body is refused: " + seen);
        assertEquals("false", seen.get("other_secret_accepted"), "another secret does not verify: " + seen);

        // the documentation's openssl check, run on the very body and header received
        String body = seen.get("webhook_body");
        assertEquals("valid", documentedOpensslCheck(seen.get("webhook_signature"), seen.get("webhook_secret"), body));
        assertEquals("INVALID", documentedOpensslCheck(seen.get("webhook_signature"), seen.get("webhook_secret"),
                body.replace("\"PENDING\"", "\"CANCELLED\"")));

        var orders = Http.json(vendor.get("/orders")).getJsonArray("data");
        assertEquals(1, orders.size(), "one order for two calls with one Idempotency-Key: " + orders);
    }

    /**
     * docs/webhooks.md's Java snippet (its one {@code java} block), exactly as written, as the method of a class
     * {@code dev.example.integrator.OrionSignature} with the JDK imports it needs: the integrator calls it, so the
     * snippet the documentation gives receivers is the one that verifies the live delivery.
     */
    private static void documentedSignatureCheck(Path dir) throws IOException {
        String snippet = fencedBlock("```java\n", "Java");
        Path file = dir.resolve("dev/example/integrator/OrionSignature.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package dev.example.integrator;

                import java.nio.charset.StandardCharsets;
                import java.security.MessageDigest;
                import java.util.ArrayList;
                import java.util.HexFormat;
                import java.util.List;
                import javax.crypto.Mac;
                import javax.crypto.spec.SecretKeySpec;

                /** docs/webhooks.md's signature check, copied from the documentation by OpenApiContractIT. */
                final class OrionSignature {
                """ + snippet + "}\n", StandardCharsets.UTF_8);
    }

    /**
     * docs/webhooks.md's shell check of a captured request (the first lines of its {@code sh} block, up to the
     * blank line), run with bash and openssl in a directory of its own: body.json holds the body, $SIG the header,
     * $WHSEC the secret, as the documentation says. Answers what it prints ("valid" or "INVALID").
     */
    private static String documentedOpensslCheck(String signature, String secret, String body) throws Exception {
        String block = fencedBlock("```sh\n", "shell");
        String check = block.substring(0, block.indexOf("\n\n") + 1);
        Path dir = Files.createTempDirectory(WORK, "openssl-check");
        Files.writeString(dir.resolve("body.json"), body, StandardCharsets.UTF_8);
        var builder = new ProcessBuilder("bash", "-c", check).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("SIG", signature);
        builder.environment().put("WHSEC", secret);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the documented check did not end: " + output);
        assertEquals(0, process.exitValue(), check + "\n" + output);
        return output.strip();
    }

    /** The text of docs/webhooks.md's first fenced block that opens with {@code fence}. */
    private static String fencedBlock(String fence, String what) throws IOException {
        String doc = Files.readString(WEBHOOKS_DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf(fence);
        assertTrue(start >= 0, "docs/webhooks.md has no " + what + " example");
        start += fence.length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    private static Path savedDocument(String test) {
        var response = Http.plain().get(Http.BASE + "/openapi?format=JSON");
        assertEquals(200, response.statusCode());
        try {
            Path dir = Files.createDirectories(WORK.resolve(test));
            return Files.writeString(dir.resolve("openapi.json"), response.body(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Run(int exitCode, String output) {
    }

    private static Run generator(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", GENERATOR.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(2, TimeUnit.MINUTES), "openapi-generator did not end: " + output);
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A fresh copy of the integrator's project (test resources: integrator/), to build in a directory of its own. */
    private static Path integratorProject(Path target) throws IOException {
        Path source;
        try {
            source = Path.of(OpenApiContractIT.class.getResource("/integrator").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Directories.delete(target);
        Directories.copy(source, target);
        return target;
    }

    /**
     * Builds the integrator's project as its developer would, with the Maven running this build (maven.home), its
     * local repository (settings: the default ones): openapi-generator's plugin generates the client, the
     * compiler compiles it with the integrator's code, and the dependency plugin writes the runtime classpath.
     * Answers that classpath file. The build's output is kept in integrator-build.log and shown on failure.
     */
    private static Path buildWithMaven(Path project, String... properties) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
                "-B", "-ntp", "-f", project.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + System.getProperty("orion.it.maven.repo"),
                "-Dversion.jackson=" + System.getProperty("orion.it.jackson.version")));
        command.addAll(List.of(properties));
        command.add("process-classes");
        Path log = project.resolveSibling("integrator-build.log");
        var builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the integrator's Maven build did not end within 5 minutes: " + Files.readString(log));
        }
        assertEquals(0, process.exitValue(), "the integrator's Maven build failed: " + String.join(" ", command)
                + "\n" + Files.readString(log));
        return project.resolve("target/classpath.txt");
    }

    /** Runs the compiled integrator in a JVM of its own, on its project's classpath only, and answers what it saw. */
    private static Map<String, String> runIntegrator(Path project, Path classpathFile, Map<String, String> in) throws Exception {
        Path out = project.resolve("target/seen.properties");
        String classpath = project.resolve("target/classes") + java.io.File.pathSeparator + Files.readString(classpathFile).strip();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "dev.example.integrator.Integrator", "out=" + out));
        in.forEach((key, value) -> command.add(key + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the integrator did not end: " + output);
        assertEquals(0, process.exitValue(), "the integrator failed: " + output);
        var seen = new java.util.Properties();
        try (var reader = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            seen.load(reader);
        }
        Map<String, String> answers = new java.util.HashMap<>();
        seen.stringPropertyNames().forEach(name -> answers.put(name, seen.getProperty(name)));
        return answers;
    }
}
