package dev.orion.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    private static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    private static final Path HA = KUBERNETES.resolve("ha");
    private static final Path WILDFLY = Path.of(System.getProperty("orion.wildfly.dir", "target/wildfly"));

    @Test
    void kubernetesProbesAskTheRightHealthEndpointOnTheManagementPort() throws IOException {
        for (Map<String, Object> container : List.of(onlyContainer(kubernetes("Deployment").get(0)), onlyContainer(ha("StatefulSet").get(0)))) {
            Map<String, Integer> ports = containerPorts(container);
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
    }

    /**
     * Every kustomization lists each manifest beside it (resources or patches) and names nothing that is not there;
     * every Service targets a named port of the pods it selects.
     */
    @Test
    void kubernetesServicesTargetNamedContainerPortsAndKustomizeListsEveryManifest() throws IOException {
        Set<Object> single = containerPorts(onlyContainer(kubernetes("Deployment").get(0))).keySet().stream().collect(java.util.stream.Collectors.toSet());
        Set<Object> cluster = containerPorts(onlyContainer(ha("StatefulSet").get(0))).keySet().stream().collect(java.util.stream.Collectors.toSet());
        for (Map<String, Object> port : list(map(kubernetes("Service").get(0).get("spec")).get("ports"))) {
            assertTrue(single.contains(port.get("targetPort")) && cluster.contains(port.get("targetPort")),
                    "Service targets container port " + port.get("targetPort"));
        }
        for (Map<String, Object> service : ha("Service")) {
            for (Map<String, Object> port : list(map(service.get("spec")).get("ports"))) {
                assertTrue(cluster.contains(port.get("targetPort")), map(service.get("metadata")).get("name") + " targets " + port.get("targetPort"));
            }
        }
        for (Path dir : List.of(KUBERNETES, KUBERNETES.resolve("base"), HA)) {
            Map<String, Object> kustomization = yaml(dir.resolve("kustomization.yaml"));
            Set<String> listed = new TreeSet<>(kustomization.get("resources") == null ? List.of() : strings(kustomization.get("resources")));
            list(kustomization.get("patches")).forEach(patch -> listed.add((String) patch.get("path")));
            for (String entry : listed) {
                assertTrue(Files.exists(dir.resolve(entry)), dir + "/kustomization.yaml names " + entry + ", which is not there");
            }
            Set<String> present = new TreeSet<>();
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).forEach(present::add);
            }
            present.removeAll(listed);
            assertEquals(Set.of(), present, "manifests in " + dir + " its kustomization.yaml does not list");
        }
    }

    /**
     * The cluster on Kubernetes (deploy/kubernetes/ha): several pods of a StatefulSet on the HA profile the build
     * provisions, each named by its pod (the node's name in the cluster and in its transactions), started one after
     * the other, known to each other through a headless Service that lists them before they are ready, and spread
     * over machines.
     */
    @Test
    void haOverlayRunsSeveralPodsOfTheHaProfileWithStableNames() throws IOException {
        Map<String, Object> statefulSet = ha("StatefulSet").get(0);
        Map<String, Object> spec = map(statefulSet.get("spec"));
        assertTrue((Integer) spec.get("replicas") >= 2, "replicas: " + spec.get("replicas"));
        assertEquals("OrderedReady", spec.get("podManagementPolicy"), "the first pod migrates and writes the signing key alone");
        Map<String, Object> podLabels = map(map(map(spec.get("template")).get("metadata")).get("labels"));
        assertEquals(map(spec.get("selector")).get("matchLabels"), podLabels);

        String profile = (String) map(ha("ConfigMap").get(0).get("data")).get("ORION_SERVER_CONFIG");
        assertEquals("orion-full-ha.xml", profile);
        assertTrue(Files.isRegularFile(WILDFLY.resolve("standalone/configuration").resolve(profile)), profile + " is a profile the provisioned server has");

        Map<String, Object> peers = ha("Service").stream().filter(s -> spec.get("serviceName").equals(map(s.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("the governing Service " + spec.get("serviceName") + " is in ha/"));
        assertEquals("None", map(peers.get("spec")).get("clusterIP"), "headless");
        assertEquals(true, map(peers.get("spec")).get("publishNotReadyAddresses"), "a starting node must reach the others to join");
        assertEquals(podLabels, map(peers.get("spec")).get("selector"));

        Map<String, Object> container = onlyContainer(statefulSet);
        Map<String, Map<String, Object>> env = env(container);
        assertEquals("metadata.name", map(map(env.get("POD_NAME").get("valueFrom")).get("fieldRef")).get("fieldPath"));
        assertTrue(((String) env.get("JAVA_OPTS").get("value")).contains("-Djboss.node.name=$(POD_NAME)"), "the node is named by its pod");
        assertEquals("status.podIP", map(map(env.get("POD_IP").get("valueFrom")).get("fieldRef")).get("fieldPath"));
        for (String address : List.of("ORION_CLUSTER_ADDRESS", "ORION_BIND_ADDRESS")) {
            // the brokers bridge to the HTTP address a node announces: 0.0.0.0 would send each to itself
            assertEquals("$(POD_IP)", env.get(address).get("value"), address);
        }
        assertTrue(read(DEPLOY.resolve("container/Containerfile")).contains("-b \"${ORION_BIND_ADDRESS"), "the image binds HTTP to ORION_BIND_ADDRESS");
        assertTrue(containerPorts(container).containsKey("jgroups"));

        Map<String, Object> antiAffinity = map(map(map(map(spec.get("template")).get("spec")).get("affinity")).get("podAntiAffinity"));
        Map<String, Object> term = map(list(antiAffinity.get("preferredDuringSchedulingIgnoredDuringExecution")).get(0).get("podAffinityTerm"));
        assertEquals("kubernetes.io/hostname", term.get("topologyKey"));
        assertEquals(podLabels, map(term.get("labelSelector")).get("matchLabels"));
    }

    /** Drains take one pod at a time; a pod that stops drains before it is killed. */
    @Test
    void haPodsGoOneAtATimeAndDrainBeforeTheyStop() throws IOException {
        Map<String, Object> budget = map(ha("PodDisruptionBudget").get(0).get("spec"));
        assertEquals(1, budget.get("maxUnavailable"));
        Map<String, Object> pod = map(map(map(ha("StatefulSet").get(0).get("spec")).get("template")).get("spec"));
        assertEquals(map(map(map(ha("StatefulSet").get(0).get("spec")).get("template")).get("metadata")).get("labels"),
                map(budget.get("selector")).get("matchLabels"));

        Map<String, Object> container = onlyContainer(ha("StatefulSet").get(0));
        List<String> preStop = strings(map(map(map(container.get("lifecycle")).get("preStop")).get("exec")).get("command"));
        assertEquals("sleep", preStop.get(0));
        int suspend = Integer.parseInt((String) map(kubernetes("ConfigMap").get(0).get("data")).get("ORION_SUSPEND_TIMEOUT"));
        assertTrue((Integer) pod.get("terminationGracePeriodSeconds") > Integer.parseInt(preStop.get(1)) + suspend,
                "the grace period covers preStop and the server's suspend");
    }

    /** The cluster's secret comes from a Secret, never from a manifest in this repository. */
    @Test
    void haPodsTakeTheClusterPasswordAndKeyFromASecret() throws IOException {
        Map<String, Object> statefulSet = ha("StatefulSet").get(0);
        Map<String, Object> container = onlyContainer(statefulSet);
        Map<String, Map<String, Object>> env = env(container);
        Map<String, Object> password = env.get("ORION_CLUSTER_PASSWORD");
        assertEquals(null, password.get("value"), "no password written in the manifest");
        Map<String, Object> secretRef = map(map(password.get("valueFrom")).get("secretKeyRef"));
        assertNotNull(secretRef, "ORION_CLUSTER_PASSWORD from a Secret");

        Path keyStore = Path.of((String) env.get("ORION_CLUSTER_KEYSTORE").get("value"));
        Map<String, Object> mount = list(container.get("volumeMounts")).stream()
                .filter(m -> keyStore.startsWith((String) m.get("mountPath"))).findFirst().orElseThrow(() -> new AssertionError("a volume holds " + keyStore));
        Map<String, Object> volume = list(map(map(map(statefulSet.get("spec")).get("template")).get("spec")).get("volumes")).stream()
                .filter(v -> v.get("name").equals(mount.get("name"))).findFirst().orElseThrow();
        Map<String, Object> secret = map(volume.get("secret"));
        assertEquals(secretRef.get("name"), secret.get("secretName"), "the key store from the same Secret as the password");
        assertTrue(list(secret.get("items")).stream().anyMatch(i -> Path.of((String) mount.get("mountPath")).resolve((String) i.get("path")).equals(keyStore)),
                "the Secret's item lands at ORION_CLUSTER_KEYSTORE");

        for (Path dir : List.of(KUBERNETES.resolve("base"), HA)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    assertFalse(read(file).contains("ORION_CLUSTER_PASSWORD:"), file + " publishes a cluster password");
                }
            }
        }
    }

    /**
     * Each pod keeps its Artemis journal (and bindings, paging, large messages) on a volume of its own that outlives
     * the pod: the directories are asked of the HA profile itself (WildFly's CLI, embedded, on a copy of the
     * configuration) and mapped into the image's server, and a volume claim template is mounted over them.
     */
    @Test
    void haJournalIsOnAVolumeOfEachPodThatOutlivesIt(@TempDir Path base) throws Exception {
        Map<String, Object> statefulSet = ha("StatefulSet").get(0);
        Map<String, Object> claim = list(map(statefulSet.get("spec")).get("volumeClaimTemplates")).get(0);
        String claimName = (String) map(claim.get("metadata")).get("name");
        assertEquals(List.of("ReadWriteOnce"), strings(map(claim.get("spec")).get("accessModes")));
        assertEquals("Retain", map(map(statefulSet.get("spec")).get("persistentVolumeClaimRetentionPolicy")).get("whenScaled"));
        Path mountPath = Path.of((String) list(onlyContainer(statefulSet).get("volumeMounts")).stream()
                .filter(m -> m.get("name").equals(claimName)).findFirst().orElseThrow().get("mountPath"));

        Matcher home = Pattern.compile("JBOSS_HOME=(\\S+)").matcher(read(DEPLOY.resolve("container/Containerfile")));
        assertTrue(home.find(), "the image names JBOSS_HOME");
        Path imageBase = Path.of(home.group(1), "standalone");
        for (Path directory : messagingDirectories(base)) {
            Path inImage = imageBase.resolve(base.relativize(directory));
            assertTrue(inImage.startsWith(mountPath), inImage + " (the server's " + directory.getFileName() + ") is on the pod's volume " + mountPath);
        }
        Map<String, Object> single = list(onlyContainer(kubernetes("Deployment").get(0)).get("volumeMounts")).stream()
                .filter(m -> m.get("name").equals("server-data")).findFirst().orElseThrow();
        assertEquals(mountPath.toString(), single.get("mountPath"), "the single pod's data directory is the same one");
    }

    /** Where the HA profile's broker keeps its journal, bindings, paging and large messages, for a server whose base is {@code base}. */
    private static List<Path> messagingDirectories(Path base) throws Exception {
        copyDirectory(WILDFLY.resolve("standalone/configuration"), base.resolve("configuration"));
        List<String> kinds = List.of("journal-directory", "bindings-directory", "paging-directory", "large-messages-directory");
        StringBuilder commands = new StringBuilder("embed-server --server-config=orion-full-ha.xml --std-out=discard");
        for (String kind : kinds) {
            commands.append(",/subsystem=messaging-activemq/server=default/path=").append(kind).append(":read-attribute(name=relative-to)");
            commands.append(",/subsystem=messaging-activemq/server=default/path=").append(kind).append(":read-attribute(name=path)");
        }
        commands.append(",/path=jboss.server.data.dir:read-attribute(name=path),stop-embedded-server");
        var cli = new ProcessBuilder(WILDFLY.resolve("bin/jboss-cli.sh").toString(), "--commands=" + commands).redirectErrorStream(true);
        cli.environment().put("JAVA_OPTS", "-Djboss.server.base.dir=" + base.toAbsolutePath());
        Process process = cli.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the CLI answered");
        assertEquals(0, process.exitValue(), output);
        List<String> results = new ArrayList<>();
        Matcher result = Pattern.compile("\"result\" => \"([^\"]*)\"").matcher(output);
        while (result.find()) {
            results.add(result.group(1));
        }
        assertEquals(kinds.size() * 2 + 1, results.size(), output);
        Path dataDir = Path.of(results.get(results.size() - 1));
        assertEquals(base.toAbsolutePath().resolve("data"), dataDir, "the server's data directory below its base");
        List<Path> directories = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            assertEquals("jboss.server.data.dir", results.get(2 * i), kinds.get(i) + " is relative to the data directory");
            directories.add(dataDir.resolve(results.get(2 * i + 1)));
        }
        return directories.stream().map(d -> base.toAbsolutePath().relativize(d)).map(base::resolve).toList();
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static Map<String, Map<String, Object>> env(Map<String, Object> container) {
        Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
        list(container.get("env")).forEach(e -> byName.put((String) e.get("name"), e));
        return byName;
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
        ha("ConfigMap").forEach(c -> used.addAll(map(c.get("data")).keySet()));
        list(onlyContainer(ha("StatefulSet").get(0)).get("env")).forEach(e -> used.add((String) e.get("name")));
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
        String single = kustomize(KUBERNETES);
        for (String kind : List.of("Namespace", "ConfigMap", "Secret", "PersistentVolumeClaim", "Deployment", "Service")) {
            assertTrue(single.contains("\nkind: " + kind + "\n"), kind + " in\n" + single);
        }
        assertTrue(single.contains("ORION_SERVER_CONFIG: orion-full.xml"), single);
    }

    /** The cluster overlay: the base, a StatefulSet instead of the Deployment, its peers, budget and policy. */
    @Test
    void kustomizeBuildsTheHaOverlay() throws Exception {
        String cluster = kustomize(HA);
        for (String kind : List.of("Namespace", "ConfigMap", "Secret", "PersistentVolumeClaim", "StatefulSet", "Service",
                "PodDisruptionBudget", "NetworkPolicy")) {
            assertTrue(cluster.contains("\nkind: " + kind + "\n"), kind + " in\n" + cluster);
        }
        assertFalse(cluster.contains("\nkind: Deployment\n"), "no single-pod Deployment beside the StatefulSet");
        assertTrue(cluster.contains("ORION_SERVER_CONFIG: orion-full-ha.xml"), "the patch reached the ConfigMap:\n" + cluster);
        assertEquals(2, cluster.split("\nkind: Service\n", -1).length - 1, "the clients' Service and the peers'");
    }

    private static String kustomize(Path dir) throws Exception {
        assumeTrue(Stream.of("/usr/bin/kubectl", "/usr/local/bin/kubectl").anyMatch(p -> Files.isExecutable(Path.of(p))),
                "kubectl is not installed here");
        Process build = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(build.waitFor(60, TimeUnit.SECONDS), "kubectl answered");
        assertEquals(0, build.exitValue(), output);
        return output;
    }

    private static void assertHealthUrl(String url) {
        URI uri = URI.create(url);
        assertEquals(MANAGEMENT_PORT, uri.getPort(), url);
        assertTrue(HEALTH_PATHS.contains(uri.getPath()), url + " is one of " + HEALTH_PATHS);
    }

    /** The manifests of that kind in the single-pod recipe (deploy/kubernetes and its base). */
    private static List<Map<String, Object>> kubernetes(String kind) throws IOException {
        return manifests(kind, KUBERNETES, KUBERNETES.resolve("base"));
    }

    /** The manifests of that kind the HA overlay adds or patches (deploy/kubernetes/ha), the base not included. */
    private static List<Map<String, Object>> ha(String kind) throws IOException {
        return manifests(kind, HA);
    }

    private static List<Map<String, Object>> manifests(String kind, Path... dirs) throws IOException {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        for (Object document : new Yaml().loadAll(in)) {
                            if (document instanceof Map<?, ?> manifest && kind.equals(manifest.get("kind"))) {
                                found.add(map(manifest));
                            }
                        }
                    }
                }
            }
        }
        assertTrue(!found.isEmpty(), "a " + kind + " in " + List.of(dirs));
        return found;
    }

    private static Map<String, Integer> containerPorts(Map<String, Object> container) {
        Map<String, Integer> ports = new java.util.HashMap<>();
        for (Map<String, Object> port : list(container.get("ports"))) {
            ports.put((String) port.get("name"), (Integer) port.get("containerPort"));
        }
        return ports;
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
