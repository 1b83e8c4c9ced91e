package dev.orion.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Redis answers PING (after AUTH when {@code ORION_REDIS_URL} carries a password), and it is the Redis the client
 * talks to: with Sentinel ({@code ORION_REDIS_SENTINELS}) the master the first sentinel that answers names, so a
 * failover is followed as Redisson follows it; with Redis Cluster ({@code ORION_REDIS_CLUSTER_NODES}) the first node
 * that answers; else the URL's server. Not a readiness check of its own: Orion serves without Redis
 * ({@link OptionalDependenciesCheck}).
 */
@ApplicationScoped
public class RedisProbe {

    private static final int TIMEOUT_MILLIS = 2_000;

    @Inject
    @ConfigProperty(name = "orion.redis.url", defaultValue = "redis://127.0.0.1:6379")
    String url;

    @Inject
    @ConfigProperty(name = "orion.redis.sentinels")
    Optional<String> sentinels;

    @Inject
    @ConfigProperty(name = "orion.redis.sentinel.master", defaultValue = "mymaster")
    String sentinelMaster;

    @Inject
    @ConfigProperty(name = "orion.redis.cluster.nodes")
    Optional<String> clusterNodes;

    public HealthCheckResponse call() {
        return Probe.run("redis", () -> {
            URI uri = URI.create(url);
            if (sentinels.isPresent()) {
                String master = firstAnswer(servers(sentinels.get()), sentinel -> masterOf(uri, sentinel));
                ping(uri, master);
                return master + " (master " + sentinelMaster + " of Sentinel)";
            }
            if (clusterNodes.isPresent()) {
                return firstAnswer(servers(clusterNodes.get()), node -> {
                    ping(uri, node);
                    return node + " (Redis Cluster)";
                });
            }
            String server = uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort());
            ping(uri, server);
            return server;
        });
    }

    /** AUTH when the URL has a password, then PING, on {@code host:port}. */
    private static void ping(URI uri, String server) throws IOException {
        try (var connection = new Connection(uri.getScheme(), server)) {
            String password = password(uri);
            if (password != null) {
                connection.expect(connection.send("AUTH", password), "+OK");
            }
            connection.expect(connection.send("PING"), "+PONG");
        }
    }

    /** The {@code host:port} a sentinel names for the master (a sentinel asking for AUTH gets the URL's password). */
    private String masterOf(URI uri, String sentinel) throws IOException {
        try (var connection = new Connection(uri.getScheme(), sentinel)) {
            String reply = connection.send("SENTINEL", "GET-MASTER-ADDR-BY-NAME", sentinelMaster);
            if (reply != null && reply.startsWith("-NOAUTH") && password(uri) != null) {
                connection.expect(connection.send("AUTH", password(uri)), "+OK");
                reply = connection.send("SENTINEL", "GET-MASTER-ADDR-BY-NAME", sentinelMaster);
            }
            if (!"*2".equals(reply)) {
                throw new IllegalStateException("Sentinel " + sentinel + " knows no master " + sentinelMaster + " (" + reply + ")");
            }
            return connection.bulk() + ":" + connection.bulk();
        }
    }

    private interface ServerCall {
        String on(String server) throws IOException;
    }

    /** The first server's answer, trying them in turn; all failing, the last one's failure names them all. */
    private static String firstAnswer(List<String> servers, ServerCall call) {
        RuntimeException last = null;
        for (String server : servers) {
            try {
                return call.on(server);
            } catch (IOException | RuntimeException e) {
                last = new IllegalStateException(server + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("none of " + String.join(", ", servers) + " answered; last: " + last.getMessage());
    }

    /** {@code host:port} of each entry of a comma-separated list (a {@code redis://} prefix allowed). */
    static List<String> servers(String list) {
        List<String> servers = new ArrayList<>();
        for (String entry : list.split(",")) {
            String server = entry.strip().replaceFirst("^rediss?://", "");
            if (!server.isEmpty()) {
                servers.add(server);
            }
        }
        if (servers.isEmpty()) {
            throw new IllegalStateException("no Redis server listed: " + list);
        }
        return servers;
    }

    private static String password(URI uri) {
        String userInfo = uri.getUserInfo();
        return userInfo == null || userInfo.isEmpty() ? null : userInfo.substring(userInfo.indexOf(':') + 1);
    }

    /** One RESP conversation with a server, plain or TLS as the URL's scheme says. */
    private static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final OutputStream out;
        private final BufferedReader in;

        Connection(String scheme, String server) throws IOException {
            int colon = server.lastIndexOf(':');
            String host = server.substring(0, colon);
            int port = Integer.parseInt(server.substring(colon + 1));
            var plain = new Socket();
            try {
                plain.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
                socket = "rediss".equals(scheme) ? ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true) : plain;
                socket.setSoTimeout(TIMEOUT_MILLIS);
                out = socket.getOutputStream();
                in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                plain.close();
                throw e;
            }
        }

        /** Sends one command and answers the first line of the reply. */
        String send(String... parts) throws IOException {
            var resp = new StringBuilder("*").append(parts.length).append("\r\n");
            for (String part : parts) {
                resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
            }
            out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return in.readLine();
        }

        /** The next bulk string of an array reply ({@code $n} then the value). */
        String bulk() throws IOException {
            String length = in.readLine();
            if (length == null || !length.startsWith("$")) {
                throw new IllegalStateException("Redis answered " + length);
            }
            return in.readLine();
        }

        void expect(String reply, String wanted) {
            if (!wanted.equals(reply)) {
                throw new IllegalStateException("Redis answered " + reply);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
