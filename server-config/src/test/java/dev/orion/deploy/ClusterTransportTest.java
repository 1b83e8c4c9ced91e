package dev.orion.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The HA profile this build provisions (orion-full-ha.xml) secures the cluster transport: JGroups encrypts with
 * the cluster's AES key below NAKACK4 and admits members by AUTH (a digest of ORION_CLUSTER_PASSWORD) right
 * below GMS; no password has a default; the launcher refuses to boot the profile without the password, in one
 * line; /metrics is secured by default in both profiles; the image keeps the management interface on loopback.
 * ClusterIT runs two such nodes with the secret and sees them form one cluster.
 */
class ClusterTransportTest {

    private static final Path WILDFLY = Path.of(System.getProperty("orion.wildfly.dir", "target/wildfly"));
    private static final Path HA = WILDFLY.resolve("standalone/configuration/orion-full-ha.xml");
    private static final Path FULL = WILDFLY.resolve("standalone/configuration/orion-full.xml");

    @Test
    void jgroupsEncryptsBelowNakackAndAuthenticatesBelowGms() throws Exception {
        List<Element> tcp = protocols(profile(HA), "tcp");
        List<String> types = tcp.stream().map(e -> e.getAttribute("type")).toList();

        int encrypt = types.indexOf("SYM_ENCRYPT");
        assertTrue(encrypt >= 0, "SYM_ENCRYPT in the tcp stack: " + types);
        assertEquals("NAKACK4", types.get(encrypt + 1), "encryption sits right below NAKACK4: " + types);
        assertEquals("orion-cluster", tcp.get(encrypt).getAttribute("key-store"));
        assertEquals("encrypt-protocol", tcp.get(encrypt).getTagName());

        int auth = types.indexOf("AUTH");
        assertTrue(auth >= 0, "AUTH in the tcp stack: " + types);
        assertEquals("pbcast.GMS", types.get(auth + 1), "AUTH sits right below GMS: " + types);
        Element digest = child(tcp.get(auth), "digest-token");
        assertTrue(digest != null, "AUTH uses a digest token");
        assertTrue(child(digest, "shared-secret-reference").getAttribute("clear-text").contains("ORION_CLUSTER_PASSWORD"));
    }

    @Test
    void noClusterSecretHasADefault() throws IOException {
        String ha = Files.readString(HA);
        assertFalse(ha.contains("orion-cluster-secret"), "the old published default password is gone");
        var uses = java.util.regex.Pattern.compile("\\$\\{env\\.ORION_CLUSTER_PASSWORD(:[^}]*)?}").matcher(ha);
        int count = 0;
        while (uses.find()) {
            count++;
            assertEquals(null, uses.group(1), "ORION_CLUSTER_PASSWORD without a default: " + uses.group());
        }
        assertTrue(count >= 4, "the Artemis cluster password, the key store, the key and AUTH use it: " + count);
    }

    @Test
    void theLauncherRefusesTheHaProfileWithoutThePasswordInOneLine() throws Exception {
        var builder = new ProcessBuilder(WILDFLY.resolve("bin/standalone.sh").toString(), "-c", "orion-full-ha.xml",
                "-Djboss.socket.binding.port-offset=900", "-b", "127.0.0.1", "-bmanagement", "127.0.0.1").redirectErrorStream(true);
        builder.environment().remove("ORION_CLUSTER_PASSWORD");
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the launcher stops at once");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertNotEquals(0, process.exitValue());
        assertEquals(1, output.lines().count(), output);
        assertTrue(output.startsWith("Orion cannot start: the HA profile (orion-full-ha.xml) needs ORION_CLUSTER_PASSWORD"), output);
    }

    @Test
    void metricsAreSecuredByDefaultInEveryProfile() throws Exception {
        for (Path profile : List.of(FULL, HA)) {
            Element prometheus = (Element) profile(profile).getElementsByTagName("prometheus-registry").item(0);
            assertTrue(prometheus != null, "a Prometheus registry in " + profile);
            assertEquals("${env.ORION_METRICS_SECURED:true}", prometheus.getAttribute("security-enabled"), profile.toString());
        }
    }

    @Test
    void theImageKeepsTheManagementInterfaceOnLoopbackUnlessOpened() throws IOException {
        String containerfile = Files.readString(Path.of("deploy/container/Containerfile"));
        assertTrue(containerfile.contains("ORION_MANAGEMENT_BIND_ADDRESS=127.0.0.1"), "the image's default");
        assertTrue(containerfile.contains("-bmanagement \"${ORION_MANAGEMENT_BIND_ADDRESS}\""), "the launcher uses it");
        assertFalse(containerfile.contains("-bmanagement 0.0.0.0"));
    }

    private static Document profile(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> protocols(Document profile, String stackName) {
        var stacks = profile.getElementsByTagName("stack");
        for (int i = 0; i < stacks.getLength(); i++) {
            Element stack = (Element) stacks.item(i);
            if (stack.getAttribute("name").equals(stackName)) {
                List<Element> protocols = new ArrayList<>();
                for (Node n = stack.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && !e.getTagName().equals("transport")) {
                        protocols.add(e);
                    }
                }
                return protocols;
            }
        }
        throw new AssertionError("no stack " + stackName);
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }
}
