package dev.orion.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Redis at {@code ORION_REDIS_URL} answers PING (after AUTH when the URL carries a password). Not a readiness
 * check of its own: Orion serves without Redis ({@link OptionalDependenciesCheck}).
 */
@ApplicationScoped
public class RedisProbe {

    @Inject
    @ConfigProperty(name = "orion.redis.url", defaultValue = "redis://127.0.0.1:6379")
    String url;

    public HealthCheckResponse call() {
        return Probe.run("redis", () -> {
            URI uri = URI.create(url);
            int port = uri.getPort() < 0 ? 6379 : uri.getPort();
            try (Socket socket = open(uri, port)) {
                socket.setSoTimeout(2_000);
                OutputStream out = socket.getOutputStream();
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String userInfo = uri.getUserInfo();
                if (userInfo != null && !userInfo.isEmpty()) {
                    String password = userInfo.substring(userInfo.indexOf(':') + 1);
                    out.write(command("AUTH", password));
                    expect(in.readLine(), "+OK");
                }
                out.write(command("PING"));
                expect(in.readLine(), "+PONG");
                return uri.getHost() + ":" + port;
            }
        });
    }

    private static Socket open(URI uri, int port) throws java.io.IOException {
        var plain = new Socket();
        plain.connect(new InetSocketAddress(uri.getHost(), port), 2_000);
        if ("rediss".equals(uri.getScheme())) {
            return ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, uri.getHost(), port, true);
        }
        return plain;
    }

    private static byte[] command(String... parts) {
        var resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void expect(String reply, String wanted) {
        if (!wanted.equals(reply)) {
            throw new IllegalStateException("Redis answered " + reply);
        }
    }
}
