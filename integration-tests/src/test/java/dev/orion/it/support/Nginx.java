package dev.orion.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Debian's nginx as a child process in front of the test server: the committed
 * {@code server-config/nginx/orion.conf.template} rendered with test ports (HTTPS {@link #HTTPS_PORT}, HTTP
 * {@link #HTTP_PORT}, upstream 127.0.0.1:8080) and a self-signed certificate made for the run.
 */
public final class Nginx implements AutoCloseable {

    /** Not 8443: that is WildFly's own (self-signed) HTTPS listener on the test server. */
    public static final int HTTPS_PORT = 8444;
    public static final int HTTP_PORT = 8088;
    public static final String HTTPS = "https://127.0.0.1:" + HTTPS_PORT;
    public static final String HTTP = "http://127.0.0.1:" + HTTP_PORT;
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Path dir;
    private Process process;

    private Nginx(Path dir) {
        this.dir = dir;
    }

    public static Nginx start(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException("No " + NGINX + ": ./orion verify installs nginx (apt-get install nginx)");
        }
        var nginx = new Nginx(dir);
        nginx.prepare();
        nginx.launch();
        return nginx;
    }

    private void prepare() throws IOException, InterruptedException {
        Directories.delete(dir);
        Files.createDirectories(dir.resolve("logs"));
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", dir.resolve("tls.key").toString(), "-out", dir.resolve("tls.crt").toString());
        String site = Files.readString(Path.of(System.getProperty("orion.nginx.template")));
        for (var value : Map.of("ORION_UPSTREAM", "127.0.0.1:8080", "ORION_SERVER_NAME", "_",
                "ORION_NGINX_HTTP_PORT", Integer.toString(HTTP_PORT), "ORION_NGINX_HTTPS_PORT", Integer.toString(HTTPS_PORT),
                "ORION_TLS_CERT", dir.resolve("tls.crt").toString(), "ORION_TLS_KEY", dir.resolve("tls.key").toString(),
                "ORION_MAX_UPLOAD_BYTES", "1073741824", "ORION_NGINX_CACHE_DIR", dir.resolve("cache").toString()).entrySet()) {
            site = site.replace("${" + value.getKey() + "}", value.getValue());
        }
        if (site.contains("${ORION_")) {
            throw new IllegalStateException("A placeholder of the nginx template has no test value: " + site);
        }
        Files.writeString(dir.resolve("orion.conf"), site);
        // what a distribution's nginx.conf around conf.d/ provides, with every path inside this directory
        Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                "root".equals(System.getProperty("user.name")) ? "user root;" : "",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("logs/error.log") + " info;",
                "events { worker_connections 256; }",
                "http {",
                "  include /etc/nginx/mime.types;",
                "  access_log " + dir.resolve("logs/access.log") + ";",
                "  client_body_temp_path " + dir.resolve("tmp/body") + ";",
                "  proxy_temp_path " + dir.resolve("tmp/proxy") + ";",
                "  fastcgi_temp_path " + dir.resolve("tmp/fastcgi") + ";",
                "  uwsgi_temp_path " + dir.resolve("tmp/uwsgi") + ";",
                "  scgi_temp_path " + dir.resolve("tmp/scgi") + ";",
                "  include " + dir.resolve("orion.conf") + ";",
                "}", ""));
        Files.createDirectories(dir.resolve("tmp"));
    }

    private void launch() throws IOException, InterruptedException {
        if (listening(HTTPS_PORT) || listening(HTTP_PORT)) {
            throw new IllegalStateException("Port " + HTTPS_PORT + " or " + HTTP_PORT + " is taken: nginx could not listen there");
        }
        process = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("logs/nginx.out").toFile()).start();
        long deadline = System.currentTimeMillis() + 15_000;
        while (!listening(HTTPS_PORT) || !listening(HTTP_PORT)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("logs/nginx.out")));
            }
            Thread.sleep(100);
        }
    }

    /** TLS that trusts this run's certificate only (it names 127.0.0.1, so host checks stay on). */
    public SSLContext tls() throws Exception {
        var trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (var in = Files.newInputStream(dir.resolve("tls.crt"))) {
            trusted.setCertificateEntry("orion-test", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        var context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static boolean listening(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void run(String... command) throws IOException, InterruptedException {
        var child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("logs/openssl.out").toFile()).start();
        if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(dir.resolve("logs/openssl.out")));
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM: nginx's fast shutdown, workers included
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
