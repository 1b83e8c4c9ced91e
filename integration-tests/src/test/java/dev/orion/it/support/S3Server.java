package dev.orion.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-API server (Adobe's S3Mock, the executable jar the build copies to {@code target/s3-server}) run as a
 * child process on {@link #PORT}, with its files under a directory of the test's choosing, kept across restarts.
 */
public final class S3Server implements AutoCloseable {

    public static final int PORT = 9090;
    public static final String ENDPOINT = "http://127.0.0.1:" + PORT;

    private final Path root;
    private final String bucket;
    private Process process;

    public S3Server(Path root, String bucket) {
        this.root = root;
        this.bucket = bucket;
    }

    public void start() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        process = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", System.getProperty("orion.it.s3.server.jar"),
                "--com.adobe.testing.s3mock.store.initial-buckets=" + bucket,
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--com.adobe.testing.s3mock.store.retain-files-on-exit=true",
                "--server.port=0") // its HTTPS side on any free port: the tests speak HTTP on PORT
                .redirectErrorStream(true).redirectOutput(root.resolveSibling(root.getFileName() + ".log").toFile())
                .start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!listening()) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("The S3 server did not start; see " + root + ".log");
            }
            Thread.sleep(250);
        }
    }

    private static boolean listening() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A client of the test's own, to look into the bucket the way an operator would. */
    public static S3Client client() {
        return S3Client.builder().endpointOverride(URI.create(ENDPOINT)).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
        while (listening()) {
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
