package dev.orion.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Orion's live /openapi as a B2B developer uses it, with openapi-generator (the CLI jar from Maven Central, run as
 * its own process like a developer would, so its libraries stay off this classpath): its validator finds no error,
 * and the Java client it generates (native library, the Products and Orders APIs) compiles and, driven by
 * {@code dev.example.integrator.Integrator} (test resources), lists products and places an order with an
 * Idempotency-Key whose retry is replayed. Verifying a webhook signature with the client comes with webhooks.
 */
@ExtendWith(ArquillianExtension.class)
class GeneratedClientIT extends OrionDeployment {

    private static final Path WORK = Path.of(System.getProperty("orion.it.generated.client"));
    private static final Path GENERATOR = Path.of(System.getProperty("orion.it.openapi.generator.jar"));
    private static final Path CLIENT_DEPS = Path.of(System.getProperty("orion.it.client.deps"));

    @Test
    void liveDocumentPassesTheValidator() {
        Path document = fetchDocument("validate");
        var run = generator("validate", "--recommend", "-i", document.toString());
        assertEquals(0, run.exitCode, run.output);
        assertTrue(run.output.contains("No validation issues detected"), run.output);
    }

    @Test
    void generatedJavaClientListsProductsAndPlacesAnOrderWithAnIdempotencyKey() throws Exception {
        var vendor = ApiSession.newVendor("gen");
        TestData.product(vendor.vendorId, "GEN-MUG", "Mug", "4.50");
        Path document = fetchDocument("generate");
        Path sources = WORK.resolve("generate/client");
        // validation stays on: a document the generator finds invalid fails here, as it fails for integrators
        var run = generator("generate", "-i", document.toString(), "-g", "java", "--library", "native", "-o", sources.toString(),
                "--api-package", "dev.example.orion.api", "--model-package", "dev.example.orion.model",
                "--invoker-package", "dev.example.orion",
                "--global-property", "apis=Products:Orders,models,supportingFiles,apiTests=false,modelTests=false,apiDocs=false,modelDocs=false",
                "--additional-properties", "openApiNullable=false,useJakartaEe=true,hideGenerationTimestamp=true,"
                        + "annotationLibrary=none,documentationProvider=none,useSingleRequestParameter=true");
        assertEquals(0, run.exitCode, run.output);

        Path classes = compile(sources.resolve("src/main/java"), WORK.resolve("generate/classes"));
        List<URL> urls = new ArrayList<>(List.of(classes.toUri().toURL()));
        for (Path jar : clientDependencies()) {
            urls.add(jar.toUri().toURL());
        }
        // a class loader of its own over the client's dependencies only, as in the integrator's project
        try (var loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            @SuppressWarnings("unchecked")
            var integrator = (Function<Map<String, String>, Map<String, String>>) loader
                    .loadClass("dev.example.integrator.Integrator").getDeclaredConstructor().newInstance();
            String key = "gen-" + UUID.randomUUID();
            Map<String, String> seen = integrator.apply(Map.of("base_url", Http.BASE, "token", vendor.token(),
                    "sku", "GEN-MUG", "idempotency_key", key));

            assertEquals(null, seen.get("error"), seen.toString());
            assertEquals("GEN-MUG", seen.get("skus"), seen.toString());
            assertEquals("201", seen.get("status"), seen.toString());
            assertEquals("PENDING", seen.get("order_status"), seen.toString());
            assertEquals("9.00", seen.get("total"), seen.toString());
            assertNotNull(seen.get("order_id"));
            assertEquals(seen.get("order_id"), seen.get("retry_order_id"), "the retry with the same key replays the order");
            assertEquals("true", seen.get("retry_replayed"), seen.toString());
        }
        var orders = Http.json(vendor.get("/orders")).getJsonArray("data");
        assertEquals(1, orders.size(), "one order for two calls with one Idempotency-Key: " + orders);
    }

    private static Path fetchDocument(String test) {
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

    /** The generated client and the integrator's class, compiled in this JVM against the client's dependencies only. */
    private static Path compile(Path generated, Path classes) throws IOException {
        Files.createDirectories(classes);
        var compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
             Stream<Path> walk = Stream.concat(Files.walk(generated), Files.walk(integratorSources()))) {
            List<Path> sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
            String classpath = String.join(java.io.File.pathSeparator, clientDependencies().stream().map(Path::toString).toList());
            var output = new StringWriter();
            boolean compiled = compiler.getTask(output, files, diagnostics,
                    List.of("-d", classes.toString(), "-cp", classpath, "--release", "17", "-proc:none", "-nowarn"),
                    null, files.getJavaFileObjectsFromPaths(sources)).call();
            assertTrue(compiled, "the generated client does not compile: " + output + diagnostics.getDiagnostics());
        }
        return classes;
    }

    private static Path integratorSources() {
        try {
            return Path.of(GeneratedClientIT.class.getResource("/generated-client").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> clientDependencies() throws IOException {
        try (Stream<Path> jars = Files.list(CLIENT_DEPS)) {
            return jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
