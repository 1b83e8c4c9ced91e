package dev.orion.it.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's nginx with Orion's cluster configuration ({@code server-config/nginx/orion-cluster.conf}), run in the
 * foreground from a directory of its own, in front of the two test nodes.
 */
final class ClusterProxy implements AutoCloseable {

    static final String BASE = "http://127.0.0.1:8390";

    private final Process process;

    ClusterProxy(Path directory) throws IOException, InterruptedException {
        Path config = Path.of(System.getProperty("jboss.home")).getParent().getParent().resolve("nginx/orion-cluster.conf");
        Files.createDirectories(directory.resolve("logs"));
        Files.createDirectories(directory.resolve("temp"));
        Path copy = directory.resolve("orion-cluster.conf");
        Files.copy(config, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        process = new ProcessBuilder("/usr/sbin/nginx", "-p", directory.toString(), "-c", copy.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(directory.resolve("logs/console.log").toFile()).start();
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (int i = 0; i < 50; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx stopped; see " + directory.resolve("logs"));
            }
            try {
                http.send(HttpRequest.newBuilder(URI.create(BASE + "/")).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + BASE);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
