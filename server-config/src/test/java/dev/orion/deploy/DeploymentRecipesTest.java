package dev.orion.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment recipes in {@code deploy/} are read the way Compose, Kubernetes and systemd read them, and
 * held to what the server really offers: probes on the health endpoints WildFly serves on its management port
 * (HealthIT checks those endpoints on the running server), every ORION_* variable documented in
 * docs/configuration.md, the server profile and launcher they name present in the provisioned WildFly, and the
 * systemd units accepted by {@code systemd-analyze verify}.
 */
class DeploymentRecipesTest {

    /** Where MicroProfile Health answers on WildFly's management interface. */
    private static final int MANAGEMENT_PORT = 9990;
    private static final Set<String> HEALTH_PATHS = Set.of("/health/live", "/health/ready", "/health/started");
    private static final Pattern ORION_VARIABLE = Pattern.compile("\\bORION_[A-Z0-9_]*[A-Z0-9]\\b");

    private static final Path DEPLOY = Path.of("deploy");
    private static final Path WILDFLY = Path.of(System.getProperty("orion.wildfly.dir", "target/wildfly"));

    @Test
    void kubernetesProbesAskTheRightHealthEndpointOnTheManagementPort() throws IOException {
        Map<String, Object> container = onlyContainer(kubernetes("Deployment").get(0));
        Map<String, Integer> ports = new java.util.HashMap<>();
        for (Map<String, Object> port : list(container.get("ports"))) {
            ports.put((String) port.get("name"), (Integer) port.get("containerPort"));
        }
        // liveness on /health/ready would restart every pod when the database is down; hence one endpoint per probe
        Map<String, String> expected = Map.of("startupProbe", "/health/started", "livenessProbe", "/health/live",
                "readinessProbe", "/health/ready");
        expected.forEach((probe, path) -> {
            Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
            assertNotNull(httpGet, probe + " is an HTTP probe");
            assertEquals(path, httpGet.get("path"), probe);
            Object port = httpGet.get("port");
            int number = port instanceof Integer n ? n : ports.getOrDefault((String) port, -1);
            assertEquals(MANAGEMENT_PORT, number, probe + " port " + port);
        });
    }

    @Test
    void kubernetesServiceTargetsANamedContainerPortAndKustomizeListsEveryManifest() throws IOException {
        Map<String, Object> container = onlyContainer(kubernetes("Deployment").get(0));
        Set<Object> names = new TreeSet<>();
        list(container.get("ports")).forEach(p -> names.add(p.get("name")));
        for (Map<String, Object> port : list(map(kubernetes("Service").get(0).get("spec")).get("ports"))) {
            assertTrue(names.contains(port.get("targetPort")), "Service targets container port " + port.get("targetPort"));
        }
        Set<String> listed = new TreeSet<>(strings(yaml(DEPLOY.resolve("kubernetes/kustomization.yaml")).get("resources")));
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).forEach(present::add);
        }
        assertEquals(present, listed);
    }

    @Test
    void composeAndImageHealthChecksAskForReadinessOnTheManagementPort() throws IOException {
        Map<String, Object> orion = map(map(yaml(DEPLOY.resolve("compose/compose.yaml")).get("services")).get("orion"));
        List<String> test = strings(map(orion.get("healthcheck")).get("test"));
        assertHealthUrl(test.get(test.size() - 1));
        Matcher imageCheck = Pattern.compile("HEALTHCHECK[^\\n]*\\n?[^\\n]*?(http://\\S+)").matcher(read(DEPLOY.resolve("container/Containerfile")));
        assertTrue(imageCheck.find(), "the image has a HEALTHCHECK over HTTP");
        assertHealthUrl(imageCheck.group(1));
    }

    @Test
    void containerfileCopiesTheServerThisBuildProvisions() throws IOException {
        Matcher copy = Pattern.compile("COPY\\s+(?:--\\S+\\s+)*(server-config/target/\\S+)\\s").matcher(read(DEPLOY.resolve("container/Containerfile")));
        assertTrue(copy.find(), "the Containerfile copies the provisioned server");
        assertEquals(WILDFLY.getFileName().toString(), Path.of(copy.group(1)).getFileName().toString(),
                "the WildFly version the build provisions");
        assertTrue(read(DEPLOY.resolve("container/Containerfile.dockerignore")).contains("!" + copy.group(1)),
                "the build context lets the server in");
    }

    @Test
    void everyOrionVariableTheRecipesSetIsDocumented() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String line : read(Path.of("../docs/configuration.md")).split("\n")) {
            if (line.startsWith("| `")) {
                Matcher names = ORION_VARIABLE.matcher(line.substring(0, line.indexOf('|', 1)));
                while (names.find()) {
                    documented.add(names.group());
                }
            }
        }
        Set<String> used = new TreeSet<>();
        for (Path recipe : List.of(DEPLOY.resolve("systemd/orion.service"), DEPLOY.resolve("systemd/orion.env.example"),
                DEPLOY.resolve("container/Containerfile"), DEPLOY.resolve("compose/compose.yaml"),
                Path.of("backup/orion-backup.sh"), Path.of("backup/orion-restore.sh"), Path.of("backup/orion-backup-common.sh"))) {
            Matcher names = ORION_VARIABLE.matcher(read(recipe));
            while (names.find()) {
                used.add(names.group());
            }
        }
        used.addAll(map(kubernetes("ConfigMap").get(0).get("data")).keySet());
        used.addAll(map(kubernetes("Secret").get(0).get("stringData")).keySet());
        list(onlyContainer(kubernetes("Deployment").get(0)).get("env")).forEach(e -> used.add((String) e.get("name")));
        used.removeIf(name -> !name.startsWith("ORION_"));

        assertTrue(used.size() > 15, "the recipes were read: " + used);
        used.removeAll(documented);
        assertEquals(Set.of(), used, "ORION_* variables the recipes use but docs/configuration.md does not describe");
    }

    @Test
    void systemdUnitStartsAProfileTheServerHas() throws IOException {
        String unit = read(DEPLOY.resolve("systemd/orion.service"));
        assertTrue(unit.contains("ExecStart=/opt/wildfly/bin/standalone.sh -c ${ORION_SERVER_CONFIG}"), "the unit starts standalone.sh with the profile");
        for (Path file : List.of(DEPLOY.resolve("systemd/orion.service"), DEPLOY.resolve("systemd/orion.env.example"))) {
            Matcher profile = Pattern.compile("ORION_SERVER_CONFIG=(\\S+)").matcher(read(file));
            assertTrue(profile.find(), file + " names the profile");
            assertTrue(Files.isRegularFile(WILDFLY.resolve("standalone/configuration").resolve(profile.group(1))),
                    profile.group(1) + " (from " + file + ") is a profile the provisioned server has");
        }
    }

    /**
     * systemd's own check. The units name /opt/wildfly and /opt/orion/backup, where docs/deployment.md installs
     * the server and the scripts; here those point at this build's server and scripts, so a launcher or script
     * that is not there (or a misspelt key, which systemd only warns about) fails the test.
     */
    @Test
    void systemdUnitsPassSystemdAnalyzeVerify(@TempDir Path units) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")) || Files.isExecutable(Path.of("/bin/systemd-analyze")),
                "systemd-analyze is not installed here");
        String scripts = Path.of("backup").toAbsolutePath() + "/";
        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify"));
        for (String name : List.of("orion.service", "orion-backup.service", "orion-backup.timer")) {
            String text = read(DEPLOY.resolve("systemd").resolve(name))
                    .replace("/opt/wildfly/", WILDFLY.toAbsolutePath() + "/")
                    .replace("/opt/orion/backup/", scripts);
            Files.writeString(units.resolve(name), text);
            command.add(units.resolve(name).toString());
        }
        Process verify = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(verify.waitFor(60, TimeUnit.SECONDS), "systemd-analyze answered");
        assertEquals(0, verify.exitValue(), output);
        assertEquals("", output.strip(), "no warnings either");
    }

    /** What kubectl apply -k would send, built by kubectl's own kustomize (offline; skipped without kubectl). */
    @Test
    void kustomizeBuildsTheManifests() throws Exception {
        assumeTrue(Stream.of("/usr/bin/kubectl", "/usr/local/bin/kubectl").anyMatch(p -> Files.isExecutable(Path.of(p))),
                "kubectl is not installed here");
        Process build = new ProcessBuilder("kubectl", "kustomize", DEPLOY.resolve("kubernetes").toString()).redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(build.waitFor(60, TimeUnit.SECONDS), "kubectl answered");
        assertEquals(0, build.exitValue(), output);
        for (String kind : List.of("Namespace", "ConfigMap", "Secret", "PersistentVolumeClaim", "Deployment", "Service")) {
            assertTrue(output.contains("\nkind: " + kind + "\n"), kind + " in\n" + output);
        }
    }

    private static void assertHealthUrl(String url) {
        URI uri = URI.create(url);
        assertEquals(MANAGEMENT_PORT, uri.getPort(), url);
        assertTrue(HEALTH_PATHS.contains(uri.getPath()), url + " is one of " + HEALTH_PATHS);
    }

    /** The manifests of that kind in deploy/kubernetes. */
    private static List<Map<String, Object>> kubernetes(String kind) throws IOException {
        List<Map<String, Object>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
            for (Path file : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (Object document : new Yaml().loadAll(in)) {
                        if (document instanceof Map<?, ?> manifest && kind.equals(manifest.get("kind"))) {
                            found.add(map(manifest));
                        }
                    }
                }
            }
        }
        assertTrue(!found.isEmpty(), "a " + kind + " in deploy/kubernetes");
        return found;
    }

    private static Map<String, Object> onlyContainer(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = list(map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers"));
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }
}
