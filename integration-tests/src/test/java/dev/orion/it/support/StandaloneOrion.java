package dev.orion.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * A second Orion server of its own (by default port offset 100, its own server directory, database and Redis
 * database), for tests that must stop it the hard way ({@link #kill()} is {@code kill -9} of its JVM) or run it
 * configured differently. Cluster tests run several, each with its own offset, node name and the full-ha
 * configuration. Port offsets in use are listed in docs/testing.md.
 */
public final class StandaloneOrion {

    public static final int OFFSET = 100;
    public static final String BASE = "http://127.0.0.1:" + (8080 + OFFSET);
    /** The JVM options of a server whose environment names none (a test that needs another heap passes JAVA_OPTS). */
    public static final String JAVA_OPTS = "-Xms256m -Xmx768m -Djava.net.preferIPv4Stack=true";

    private final Path base;
    private final Map<String, String> environment;
    private final int offset;
    private final String serverConfig;
    private final String nodeName;
    private Process process;

    public StandaloneOrion(Path base, Map<String, String> environment) throws IOException {
        this(base, environment, OFFSET);
    }

    public StandaloneOrion(Path base, Map<String, String> environment, int offset) throws IOException {
        this(base, environment, offset, System.getProperty("orion.server.config"), null);
    }

    /** A server at port offset {@code offset} with configuration {@code serverConfig}, named {@code nodeName} (null: the host's name). */
    public StandaloneOrion(Path base, Map<String, String> environment, int offset, String serverConfig, String nodeName) throws IOException {
        this.base = base;
        this.environment = environment;
        this.offset = offset;
        this.serverConfig = serverConfig;
        this.nodeName = nodeName;
        Directories.delete(base);
        Path template = Path.of(System.getProperty("orion.server.base"));
        Directories.copy(template.resolve("configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(Path.of(System.getProperty("orion.ear")), base.resolve("deployments/orion.ear"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The HTTP address of this server, e.g. {@code http://127.0.0.1:8180}. */
    public String url() {
        return "http://127.0.0.1:" + (8080 + offset);
    }

    /** The management address (health, HAL), 9990 plus the offset. */
    public String managementUrl() {
        return "http://127.0.0.1:" + (9990 + offset);
    }

    /** The server's log file, where a refused start says why. */
    public Path serverLog() {
        return base.resolve("log/server.log");
    }

    public String nodeName() {
        return nodeName;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the server and waits until Orion reports ready. */
    public void start() throws IOException, InterruptedException {
        launch();
        awaitReady();
    }

    /** Starts the server without waiting for it, for a test of a server that must refuse to start. */
    public void launch() throws IOException {
        OrionDeployment.standAside();
        Path home = Path.of(System.getProperty("jboss.home"));
        var command = new java.util.ArrayList<>(java.util.List.of(home.resolve("bin/standalone.sh").toString(), "-c", serverConfig,
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset,
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1"));
        if (nodeName != null) {
            command.add("-Djboss.node.name=" + nodeName);
        }
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_OPTS", environment.getOrDefault("JAVA_OPTS", JAVA_OPTS));
        process = builder.start();
    }

    private void awaitReady() throws IOException, InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped; see " + base.resolve("console.log"));
            }
            try {
                var ready = http.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The server was not ready in 3 minutes; see " + base.resolve("log/server.log"));
    }

    /** kill -9 of the server's JVM (and the launcher script): no shutdown of any kind. */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        while (process.descendants().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(100);
        }
    }

    /** SIGSTOP to the server's JVM: it keeps its sockets and database sessions but runs nothing, as in a long GC pause. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}: every thread goes on where it stopped. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        var pids = new java.util.ArrayList<String>();
        process.descendants().forEach(child -> pids.add(Long.toString(child.pid())));
        pids.add(Long.toString(process.pid()));
        var command = new java.util.ArrayList<>(java.util.List.of("kill", "-" + name));
        command.addAll(pids);
        var kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " failed: " + new String(kill.getInputStream().readAllBytes()));
        }
    }

    /**
     * A normal stop (SIGTERM), waiting for the server's JVM to end too. One still alive after a minute (a shutdown
     * that hangs, a defect) is killed, so it does not keep its ports from the next server a test starts, and the
     * test that stopped it fails.
     */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            var jvms = process.descendants().toList();
            jvms.forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor();
            for (var jvm : jvms) {
                try {
                    jvm.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    jvm.destroyForcibly();
                    jvm.onExit().join();
                    throw new IllegalStateException(base + ": the server did not stop within a minute of SIGTERM; it was killed");
                }
            }
        }
    }
}
