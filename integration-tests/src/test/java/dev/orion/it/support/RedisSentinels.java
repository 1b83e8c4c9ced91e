package dev.orion.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Redis primary, one replica and three Sentinels watching them as {@value #MASTER} (quorum 2), from Debian's
 * {@code redis-server} and {@code redis-sentinel}, each on a free loopback port with its files in {@code dir}: the
 * test's own processes, never the machine's Redis. The servers want {@value #PASSWORD} (as production's would), the
 * sentinels no password. {@link #close()} kills what is left of them.
 */
public final class RedisSentinels implements AutoCloseable {

    public static final String MASTER = "mymaster";
    public static final String PASSWORD = "sentinel-it-secret";
    /** How long the sentinels wait for a silent primary before they agree it is down (production: 5 to 30 s). */
    public static final int DOWN_AFTER_MILLIS = 2_000;

    private final Path dir;
    private final Map<Integer, Process> servers = new LinkedHashMap<>();
    private final Map<Integer, Process> sentinels = new LinkedHashMap<>();

    private RedisSentinels(Path dir) {
        this.dir = dir;
    }

    public static RedisSentinels start(Path dir) throws IOException {
        Files.createDirectories(dir);
        var redis = new RedisSentinels(dir);
        try {
            int primary = freePort();
            redis.server(primary);
            redis.server(freePort(), "--replicaof", "127.0.0.1", String.valueOf(primary));
            for (int i = 0; i < 3; i++) {
                redis.sentinel(freePort(), primary);
            }
            redis.awaitSteady(Duration.ofSeconds(30));
            return redis;
        } catch (IOException | RuntimeException | Error e) {
            redis.close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3}, as ORION_REDIS_SENTINELS takes them. */
    public String sentinelList() {
        return sentinels.keySet().stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    /** The primary's port as the first sentinel names it. */
    public int masterPort() {
        String[] address = sentinelCli("SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER).split("\\s+");
        return Integer.parseInt(address[1]);
    }

    /** {@code SENTINEL FAILOVER}: the sentinels promote the replica and make the primary its replica. */
    public void failover() {
        String answer = sentinelCli("SENTINEL", "FAILOVER", MASTER);
        if (!"OK".equals(answer)) {
            throw new IllegalStateException("SENTINEL FAILOVER answered " + answer);
        }
    }

    /** SIGKILL of the redis-server that is the primary now; returns its port. */
    public int killPrimary() throws InterruptedException {
        int port = masterPort();
        Process primary = servers.remove(port);
        primary.destroyForcibly();
        primary.waitFor(10, TimeUnit.SECONDS);
        return port;
    }

    /** Waits until the master moved away from {@code oldPort}; answers the new primary's port. */
    public int awaitNewMaster(int oldPort, Duration timeout) {
        return Poll.until(timeout, this::masterPort, port -> port != oldPort);
    }

    /**
     * Waits until a failover can run: every sentinel knows the two others and a replica that is up and in sync
     * with the primary (after a failover the old primary takes a moment to become the new one's replica).
     */
    public void awaitSteady(Duration timeout) {
        Poll.until(timeout, () -> {
            int master;
            try {
                master = masterPort();
            } catch (RuntimeException e) {
                return false;
            }
            for (int sentinel : sentinels.keySet()) {
                String known = cli(sentinel, "SENTINEL", "SENTINELS", MASTER);
                String replicas = cli(sentinel, "SENTINEL", "REPLICAS", MASTER);
                if (known == null || count(known, "runid") != 2 || replicas == null || !replicas.contains("slave")
                        || replicas.contains("s_down") || replicas.contains("disconnected")) {
                    return false;
                }
            }
            return servers.keySet().stream().filter(port -> port != master)
                    .allMatch(port -> String.valueOf(serverCli(port, "INFO", "replication")).contains("master_link_status:up"));
        }, steady -> steady);
    }

    /** A command on the primary (e.g. {@code -n 14 ZCARD key}); null when it fails. */
    public String primaryCli(String... args) {
        return serverCli(masterPort(), args);
    }

    private static String serverCli(int port, String... args) {
        var command = new ArrayList<>(List.of("--no-auth-warning", "-a", PASSWORD));
        command.addAll(List.of(args));
        return cli(port, command.toArray(String[]::new));
    }

    /** {@code redis-cli -p port args...}; null when it fails. */
    private static String cli(int port, String... args) {
        var command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", String.valueOf(port)));
        command.addAll(List.of(args));
        try {
            Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return cli.waitFor() == 0 && !out.startsWith("Could not connect") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        for (Process process : List.copyOf(sentinels.values())) {
            process.destroyForcibly();
        }
        for (Process process : List.copyOf(servers.values())) {
            process.destroyForcibly();
        }
        sentinels.clear();
        servers.clear();
    }

    private String sentinelCli(String... args) {
        for (int sentinel : sentinels.keySet()) {
            String answer = cli(sentinel, args);
            if (answer != null) {
                return answer;
            }
        }
        throw new IllegalStateException("no sentinel answered " + String.join(" ", args));
    }

    private void server(int port, String... more) throws IOException {
        var command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--dbfilename", "dump-" + port + ".rdb",
                "--logfile", dir.resolve("redis-" + port + ".log").toString(), "--requirepass", PASSWORD, "--masterauth", PASSWORD));
        command.addAll(List.of(more));
        servers.put(port, new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        Poll.until(Duration.ofSeconds(10), () -> serverCli(port, "PING"), "PONG"::equals);
    }

    private void sentinel(int port, int primary) throws IOException {
        Path config = dir.resolve("sentinel-" + port + ".conf"); // a sentinel rewrites its file: one each
        Files.writeString(config, String.join("\n",
                "port " + port,
                "bind 127.0.0.1",
                "dir " + dir,
                "logfile " + dir.resolve("sentinel-" + port + ".log"),
                "sentinel monitor " + MASTER + " 127.0.0.1 " + primary + " 2",
                "sentinel auth-pass " + MASTER + " " + PASSWORD,
                "sentinel down-after-milliseconds " + MASTER + " " + DOWN_AFTER_MILLIS,
                "sentinel failover-timeout " + MASTER + " 5000",
                "sentinel parallel-syncs " + MASTER + " 1", ""));
        sentinels.put(port, new ProcessBuilder("redis-sentinel", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        Poll.until(Duration.ofSeconds(10), () -> cli(port, "PING"), "PONG"::equals);
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            n++;
        }
        return n;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
