package dev.orion.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orion.it.support.FreezableProxy;
import dev.orion.it.support.FreshTestDatabase;
import dev.orion.it.support.Http;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.Poll;
import dev.orion.it.support.StandaloneOrion;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Orion nodes on the full-ha profile (port offsets 200 and 300, nodes node-a and node-b) behind nginx
 * (server-config/nginx/orion-cluster.conf on 8390), sharing one PostgreSQL database (orion_cluster), Redis
 * database 3, the storage directory and the JWT keys, as docs/cluster.md describes. First what both nodes
 * share (rate limits, idempotency, schedules); then one node is killed (SIGKILL) in the middle of serving a
 * console session, running an import and sending emails, and the other must carry all three on. The nodes send
 * mail through a relay the test can freeze ({@link FreezableProxy}) in front of GreenMail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String DB = "orion_cluster";
    private static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/" + DB;
    private static final String REDIS = "redis://127.0.0.1:6379/3";
    private static final int SMTP_PORT = 3225;
    private static final int FEED_ROWS = 100_000;
    private static final int EMAILS = 300;
    private static final int FENCE_ROWS = 80_000; // long enough to catch a firing of the paused node before the import ends
    private static final int FENCE_EMAILS = 200;
    private static final Pattern VIEW_SIZE = Pattern.compile("\\(\\d+\\) \\[");
    /** A line of the nodes' JSON log: its time and its message. */
    private static final Pattern LOG_LINE = Pattern.compile("\"timestamp\":\"[^T]*T([^\"]+)\".*?\"message\":\"(.*?)\",\"");
    private static final String CONSOLE_USER = "ops@cluster.example";
    private static final String CONSOLE_PASSWORD = "a long cluster password";
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    private static GreenMail smtp;
    private static FreezableProxy relay;
    private static StandaloneOrion nodeA;
    private static StandaloneOrion nodeB;
    private static ClusterProxy proxy;
    private static String platformToken;

    // what the node's death (test 4) leaves for the tests after it
    private static StandaloneOrion dead;
    private static StandaloneOrion survivor;
    private static Http console;
    private static HttpResponse<String> pageFromTheDeadNode;
    private static long importId;
    private static String importVendorToken;
    /** The cluster's shared secret (ORION_CLUSTER_PASSWORD): the HA profile does not start without it. */
    private static final String CLUSTER_PASSWORD = "cluster-it-" + UUID.randomUUID();
    private static final String METRICS_PASSWORD = "metrics-" + UUID.randomUUID();
    private static long importVendor;

    @BeforeAll
    static void startTwoNodesBehindNginx() throws Exception {
        FreshTestDatabase.main(new String[] {DB, REDIS});
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        relay = new FreezableProxy(SMTP_PORT);
        Path target = Path.of(System.getProperty("orion.server.base")).getParent();
        var environment = Map.ofEntries(
                Map.entry("ORION_DB_URL", DB_URL),
                Map.entry("ORION_REDIS_URL", REDIS),
                Map.entry("ORION_SMTP_HOST", "127.0.0.1"),
                Map.entry("ORION_SMTP_PORT", Integer.toString(relay.port())),
                Map.entry("ORION_STORAGE_DIR", target.resolve("cluster-storage").toString()),
                Map.entry("ORION_JWT_KEY_DIR", target.resolve("cluster-keys").toString()),
                Map.entry("ORION_TIMER_REFRESH_MS", "2000"),
                Map.entry("ORION_DEMO_DATA", "false"),
                Map.entry("ORION_RATE_PLAN_TINY", "1/3"),
                Map.entry("ORION_TRUSTED_PROXIES", "127.0.0.1"),
                Map.entry("ORION_EMAIL_RATE", "20"),
                Map.entry("ORION_EMAIL_REDELIVERY_DELAY_MS", "1000"),
                Map.entry("ORION_CLUSTER_PASSWORD", CLUSTER_PASSWORD),
                Map.entry("ORION_CLUSTER_KEYSTORE", clusterKeyStore(target.resolve("cluster-key.p12")).toString()),
                // the test JVM's environment (integration-tests/pom.xml) opens /metrics for the main test server; these nodes
                // keep the profile's default, as in production
                Map.entry("ORION_METRICS_SECURED", "true"),
                Map.entry("ORION_CLUSTER_HEARTBEAT_SECONDS", "2"),
                Map.entry("ORION_CLUSTER_DEAD_AFTER_SECONDS", "10"));
        nodeA = new StandaloneOrion(target.resolve("cluster-node-a"), environment, 200, "orion-full-ha.xml", "node-a");
        nodeB = new StandaloneOrion(target.resolve("cluster-node-b"), environment, 300, "orion-full-ha.xml", "node-b");
        // a management user for Prometheus: /metrics is secured on these nodes
        var addUser = new ProcessBuilder(Path.of(System.getProperty("jboss.home"), "bin/add-user.sh").toString(),
                "-sc", target.resolve("cluster-node-a/configuration").toString(), "-u", "metrics", "-p", METRICS_PASSWORD, "-s")
                .redirectErrorStream(true).start();
        assertEquals(0, addUser.waitFor(), new String(addUser.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        long started = System.nanoTime();
        nodeA.start(); // first alone: it migrates the schema and writes the JWT keys both nodes sign with
        nodeB.start();
        System.out.printf("Cluster: two HA nodes ready in %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        proxy = new ClusterProxy(target.resolve("cluster-nginx"));
        platformToken = token(nodeA, apiClient(null, null));
    }

    /** The cluster's AES key, as an operator makes it once with keytool -genseckey: the same file for both nodes. */
    private static Path clusterKeyStore(Path file) throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        var generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        char[] password = CLUSTER_PASSWORD.toCharArray();
        store.setEntry("orion-cluster", new KeyStore.SecretKeyEntry(generator.generateKey()),
                new KeyStore.PasswordProtection(password));
        try (var out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (var node : new StandaloneOrion[] {nodeA, nodeB}) {
            if (node != null) {
                node.stop();
            }
        }
        if (proxy != null) {
            proxy.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void theNodesFormOneClusterWithOneBroker() throws Exception {
        Poll.until(Duration.ofSeconds(60), () -> log(nodeB), log -> log.contains("(2) [node-a"));
        assertTrue(log(nodeB).contains("joined cluster 'orion' with view"), "JGroups view of both nodes");
        Poll.until(Duration.ofSeconds(60), () -> log(nodeA) + log(nodeB), log -> log.split("AMQ221027", -1).length > 2);
        assertEquals("2", sql("SELECT count(*) FROM public.jgroupsping"), "both nodes found each other in PostgreSQL");
        assertEquals("2", sql("SELECT count(DISTINCT epoch) FROM cluster_nodes"), "both nodes beat, each under its own epoch");
        assertEquals("2", sql("SELECT count(*) FROM pg_trigger WHERE tgname = 'keep_interrupted'"),
                "an interrupted execution cannot be ended again by the server it was taken from (V21)");
    }

    @Test
    @Order(1)
    void theNodesMetricsAskForAManagementUser() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var metrics = URI.create(nodeA.managementUrl() + "/metrics");
        var anonymous = client.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), "no metrics without credentials");
        String basic = java.util.Base64.getEncoder().encodeToString(("metrics:" + METRICS_PASSWORD).getBytes(StandardCharsets.UTF_8));
        var scraped = client.send(HttpRequest.newBuilder(metrics).header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scraped.statusCode(), "a management user scrapes them as Prometheus does (basic auth)");
        assertTrue(scraped.body().contains("# TYPE"), scraped.body().substring(0, Math.min(200, scraped.body().length())));
    }

    @Test
    @Order(2)
    void aRatePlanIsOneBudgetAcrossBothNodes() {
        String warmUp = token(nodeA, apiClient(vendor("warm"), null));
        get(nodeA, "/products", warmUp);
        get(nodeB, "/products", warmUp);
        String tiny = token(nodeA, apiClient(vendor("tiny"), "tiny")); // 1 request/s, bursts of 3

        var statuses = new ArrayList<Integer>();
        var refusedBy = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            var node = i % 2 == 0 ? nodeA : nodeB;
            int status = get(node, "/products", tiny).statusCode();
            statuses.add(status);
            if (status == 429) {
                refusedBy.add(node.nodeName());
            }
        }

        long served = statuses.stream().filter(s -> s == 200).count();
        assertTrue(served >= 3 && served <= 4, "one burst of 3 (plus at most one refill) for both nodes together: " + statuses);
        assertTrue(refusedBy.contains("node-a") && refusedBy.contains("node-b"), "both nodes refuse once the joint budget is spent: " + statuses);
    }

    @Test
    @Order(3)
    void anIdempotencyKeyHoldsAcrossNodes() {
        long vendor = vendor("idem");
        sql("INSERT INTO products (vendor_id, sku, title, price_amount, price_currency, stock) VALUES (?, 'A', 'A', 1.00, 'EUR', 10) RETURNING id", vendor);
        String token = token(nodeA, apiClient(vendor, null));
        String key = UUID.randomUUID().toString();
        String takeOne = "{\"adjustments\":[{\"sku\":\"A\",\"delta\":-1,\"reason\":\"sale\"}]}";

        var first = send(nodeA, "POST", "/stock/adjustments", token, takeOne, "Idempotency-Key", key);
        var retryOnTheOtherNode = send(nodeB, "POST", "/stock/adjustments", token, takeOne, "Idempotency-Key", key);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, retryOnTheOtherNode.statusCode(), retryOnTheOtherNode.body());
        assertEquals("true", retryOnTheOtherNode.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(first.body(), retryOnTheOtherNode.body());
        assertEquals("9", sql("SELECT stock FROM products WHERE vendor_id = ? AND sku = 'A'", vendor), "applied once");
    }

    /** A node sees a rotation elsewhere within a second; the margin is for a loaded machine. */
    private static final Duration ROTATION_SEEN = Duration.ofSeconds(5);

    /**
     * The signing key lives in the shared key directory: a rotation on either node is what both sign with within a second,
     * and no token either node issued before is refused anywhere (issue 15: node B used to keep signing with the old
     * key, and a second rotation on A dropped B's key from the set).
     */
    @Test
    @Order(3)
    void aKeyRotatedOnEitherNodeSignsOnBothAndNoEarlierTokenIsRefused() {
        String client = apiClient(vendor("keys"), null);
        var tokens = new java.util.ArrayList<String>(List.of(token(nodeA, client), token(nodeB, client)));

        // a node looks at the shared key file once a second at most (JwtKeys): what it signs in that second is still valid
        String first = Http.json(send(nodeA, "POST", "/admin/keys/rotate", platformToken, null)).getString("kid");
        tokens.add(token(nodeB, client));
        String fromB = Poll.until(ROTATION_SEEN, () -> token(nodeB, client), t -> kid(t).equals(first));
        assertEquals(first, kid(fromB), "node B signs with the key node A rotated to, within a second");
        tokens.add(fromB);

        String second = Http.json(send(nodeB, "POST", "/admin/keys/rotate", platformToken, null)).getString("kid");
        tokens.add(token(nodeA, client));
        String fromA = Poll.until(ROTATION_SEEN, () -> token(nodeA, client), t -> kid(t).equals(second));
        assertEquals(second, kid(fromA), "and node A with the one node B rotated to");
        tokens.add(fromA);

        for (StandaloneOrion node : List.of(nodeA, nodeB)) {
            for (String token : tokens) {
                assertEquals(200, get(node, "/me", token).statusCode(), node.nodeName() + " refused a token signed by " + kid(token));
            }
        }
    }

    private static String kid(String jwt) {
        String header = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), java.nio.charset.StandardCharsets.UTF_8);
        return Http.json(header).getString("kid");
    }

    @Test
    @Order(4)
    void aScheduleFiresOncePerTimeAcrossBothNodes() throws Exception {
        long housekeeping = Long.parseLong(sql("SELECT id FROM schedules WHERE name = 'housekeeping'"));
        Poll.until(Duration.ofSeconds(60), () -> Http.json(get(nodeA, "/schedules/" + housekeeping, platformToken)),
                s -> !s.isNull("next_run_at"));
        var everyTwoSeconds = send(nodeA, "PUT", "/schedules/" + housekeeping, platformToken,
                "{\"second\":\"*/2\",\"minute\":\"*\",\"hour\":\"*\",\"misfire_policy\":\"SKIP\"}");
        assertEquals(200, everyTwoSeconds.statusCode(), everyTwoSeconds.body());
        Thread.sleep(4_000); // both nodes' timer stores have the new timer (refresh every 2 s)
        String from = sql("SELECT now()::text");
        Thread.sleep(20_000);
        String to = sql("SELECT now()::text");
        send(nodeA, "PUT", "/schedules/" + housekeeping, platformToken,
                "{\"second\":\"0\",\"minute\":\"*/5\",\"hour\":\"*\",\"misfire_policy\":\"SKIP\"}");

        String window = " FROM schedule_runs WHERE schedule_id = " + housekeeping + " AND trigger = 'TIMER'"
                + " AND started_at >= '" + from + "'::timestamptz AND started_at < '" + to + "'::timestamptz";
        long firings = Long.parseLong(sql("SELECT count(*)" + window));
        long seconds = Long.parseLong(sql("SELECT count(DISTINCT date_trunc('second', started_at))" + window));
        String byNode = sql("SELECT string_agg(node || ': ' || n, ', ') FROM (SELECT node, count(*) n" + window + " GROUP BY node) x");
        System.out.printf("Cluster: housekeeping fired %d times in 20 s (%s)%n", firings, byNode);
        assertTrue(firings >= 8, "every two seconds for 20 s: " + firings);
        assertEquals(seconds, firings, "no firing ran twice: " + byNode);
    }

    /**
     * Issue 15's fencing drill: node-a is paused (SIGSTOP, as in a long GC pause) in the middle of an import and of
     * sending emails, for longer than ORION_CLUSTER_DEAD_AFTER_SECONDS; node-b takes it for dead and the import is
     * restarted there; then node-a goes on. The paused node must write nothing more (its chunks are fenced by the
     * epoch it ran under), its execution stays FAILED, and the catalogue ends as one clean run of the same feed
     * leaves it; no email and no schedule firing happens twice.
     */
    @Test
    @Order(5)
    void aPausedNodeTakenForDeadIsFencedAndWritesNothingMore() throws Exception {
        StandaloneOrion paused = nodeA;
        StandaloneOrion taker = nodeB;
        long housekeeping = Long.parseLong(sql("SELECT id FROM schedules WHERE name = 'housekeeping'"));
        var everyTwoSeconds = send(taker, "PUT", "/schedules/" + housekeeping, platformToken,
                "{\"second\":\"*/2\",\"minute\":\"*\",\"hour\":\"*\",\"misfire_policy\":\"SKIP\"}");
        assertEquals(200, everyTwoSeconds.statusCode(), everyTwoSeconds.body());
        long timersSet = System.nanoTime();

        long clean = vendor("clean");
        String cleanToken = token(taker, apiClient(clean, null));
        long cleanRun = startImport(taker, cleanToken, FENCE_ROWS); // what one clean run of the feed leaves
        long vendor = vendor("fenced");
        String token = token(paused, apiClient(vendor, null));
        long importId = startImport(paused, token, FENCE_ROWS);
        queueEmailsOn(paused, "fence:", FENCE_EMAILS);
        Poll.until(Duration.ofSeconds(120), () -> Http.json(get(paused, "/imports/" + importId, token)),
                i -> i.getInt("rows_written") >= 2_000 || JobStatus.ended(i));
        Thread.sleep(Math.max(0, 4_000 - Duration.ofNanos(System.nanoTime() - timersSet).toMillis())); // both timer stores refreshed
        String from = sql("SELECT now()::text");
        var before = Http.json(get(paused, "/imports/" + importId, token));
        assertEquals("STARTED", before.getString("status"), "the import still runs when the node is paused: " + before);
        int mailsBefore = received("fence:");

        var timeline = new ArrayList<String>();
        var watch = new TimerRowWatch(DB_URL, DB_USER, DB_PASSWORD, HOUSEKEEPING_TIMER);
        long t0 = System.nanoTime();
        String firing = pauseInsideAFiring(paused, housekeeping,
                () -> Http.json(get(paused, "/imports/" + importId, token)).getInt("rows_written") >= FENCE_ROWS / 2);
        String pausedAt = sql("SELECT now()::text");
        timeline.add(String.format("%s paused (SIGSTOP) at %s %s; before: %d of %d rows written, %d of %d emails sent", paused.nodeName(),
                java.time.LocalTime.now(), firing, before.getInt("rows_written"), FENCE_ROWS, mailsBefore, FENCE_EMAILS));
        long restarted;
        long writtenAtTakeover;
        String survivorFiring;
        try {
            assertEquals("STARTED", sql("SELECT batchstatus FROM public.job_execution WHERE jobexecutionid = ?", importId),
                    "the import still ran when the node was paused");
            Poll.until(Duration.ofSeconds(60), () -> sql("SELECT batchstatus FROM public.job_execution WHERE jobexecutionid = ?", importId),
                    "FAILED"::equals);
            writtenAtTakeover = writes(importId);
            timeline.add(String.format("+%d s: %s declared dead, its execution FAILED with %d rows written", seconds(t0),
                    paused.nodeName(), writtenAtTakeover));
            var restart = send(taker, "POST", "/batch/executions/" + importId + "/restart", platformToken, null);
            assertEquals(202, restart.statusCode(), restart.body());
            restarted = Http.json(restart).getJsonNumber("id").longValue();
            timeline.add(String.format("+%d s: restarted on %s as execution %d", seconds(t0), taker.nodeName(), restarted));
            // the paused node still holds its firing; the survivor must fire the schedule all the same, while it is paused
            survivorFiring = firstFiringOf(taker, housekeeping, pausedAt, 1, Duration.ofSeconds(20));
            timeline.add(String.format("+%d s: first housekeeping firing on %s since the pause: %s", seconds(t0), taker.nodeName(),
                    survivorFiring == null ? "none in 20 s" : survivorFiring));
            Thread.sleep(2_000);
        } finally {
            paused.resume();
        }
        String resumedAt = sql("SELECT now()::text");
        timeline.add(String.format("+%d s: %s resumed (SIGCONT)", seconds(t0), paused.nodeName()));

        long restartedId = restarted;
        JsonObject done = Poll.until(Duration.ofSeconds(240), () -> Http.json(get(taker, "/imports/" + importId, token)),
                i -> i.getJsonNumber("execution_id").longValue() == restartedId && JobStatus.ended(i));
        timeline.add(String.format("+%d s: execution %d %s on %s", seconds(t0), restarted, done.getString("status"), taker.nodeName()));
        var staleEnd = Pattern.compile("Job product-import execution " + importId + " [A-Z]+ in");
        Poll.until(Duration.ofSeconds(120), () -> log(paused), log -> staleEnd.matcher(log).find());
        for (String line : log(paused).lines().filter(l -> l.contains("lost its lease") || l.contains("was fenced")
                || l.contains("rejoined the cluster") || l.contains("Firing of") || staleEnd.matcher(l).find()).toList()) {
            Matcher entry = LOG_LINE.matcher(line);
            timeline.add(entry.find() ? entry.group(1) + " " + paused.nodeName() + ": " + entry.group(2) : line);
        }
        Poll.until(Duration.ofSeconds(120), () -> Http.json(get(taker, "/imports/" + cleanRun, cleanToken)), JobStatus::ended);
        Poll.until(Duration.ofSeconds(120), () -> received("fence:"), n -> n >= FENCE_EMAILS);
        // the survivor's run during the pause may wait for the purge batch the paused node holds: the window goes on until
        // the schedule has fired a few times more since the resume (no more than a minute when it keeps firing)
        firstFiringOf(null, housekeeping, resumedAt, 3, Duration.ofSeconds(60));
        Thread.sleep(3_000); // a duplicate email or firing would come after the last first copy
        String to = sql("SELECT now()::text");
        send(taker, "PUT", "/schedules/" + housekeeping, platformToken,
                "{\"second\":\"0\",\"minute\":\"*/5\",\"hour\":\"*\",\"misfire_policy\":\"SKIP\"}");

        // the tests after this one need both nodes in one JGroups view again (distributed sessions, bridged brokers)
        Poll.until(Duration.ofSeconds(120), () -> lastView(log(taker)), view -> view.contains("(2) ["));
        timeline.add(String.format("+%d s: %s back in the JGroups view of %s", seconds(t0), paused.nodeName(), taker.nodeName()));

        String stale = sql("SELECT batchstatus || ': ' || exitstatus FROM public.job_execution WHERE jobexecutionid = ?", importId);
        long writtenAtEnd = writes(importId);
        String window = " FROM schedule_runs WHERE schedule_id = " + housekeeping + " AND trigger = 'TIMER'"
                + " AND started_at >= '" + from + "'::timestamptz AND started_at < '" + to + "'::timestamptz";
        long firings = Long.parseLong(sql("SELECT count(*)" + window));
        long firingSeconds = Long.parseLong(sql("SELECT count(DISTINCT date_trunc('second', started_at))" + window));
        Map<String, Long> emails = receivedPerKey("fence:");
        watch.close();
        String schedule = scheduleStory(housekeeping, window, watch);
        timeline.add(String.format("writes of the paused node's execution: %d at the takeover, %d at the end; restarted execution: %d;"
                + " %d emails for %d keys; %d housekeeping firings in %d distinct seconds", writtenAtTakeover, writtenAtEnd,
                writes(restarted), emails.values().stream().mapToLong(Long::longValue).sum(), emails.size(), firings, firingSeconds));
        System.out.println("Fencing timeline:\n  " + String.join("\n  ", timeline) + "\n" + schedule);

        assertTrue(stale.startsWith("FAILED: Interrupted: server " + paused.nodeName()), "the paused node's execution stays FAILED: " + stale);
        assertEquals(writtenAtTakeover, writtenAtEnd, "the paused node wrote nothing after it was taken for dead");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(Integer.toString(FENCE_ROWS), sql("SELECT count(*) FROM products WHERE vendor_id = ?", vendor));
        assertEquals(catalogue(clean), catalogue(vendor), "the catalogue as one clean run of the same feed leaves it");
        assertEquals(FENCE_EMAILS, emails.size(), "every email arrived");
        assertEquals(Map.of(), emails.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "no email arrived twice");
        assertEquals(firingSeconds, firings, "no schedule firing ran twice" + schedule);
        assertTrue(survivorFiring != null, "the survivor fired the schedule while the node paused inside a firing was taken for dead" + schedule);
        assertTrue(firings >= 5, "the schedule kept firing: " + firings + schedule);
    }

    /** The housekeeping schedule's row in WildFly's database timer store: in these tests only it fires every 2 s. */
    private static final String HOUSEKEEPING_TIMER = "timed_object_id LIKE '%ScheduleTimers%' AND schedule_expr_second = '*/2'";
    private static final String DB_USER = System.getenv().getOrDefault("ORION_DB_USER", "orion");
    private static final String DB_PASSWORD = System.getenv().getOrDefault("ORION_DB_PASSWORD", "orion");

    /**
     * Pauses {@code node} while it is inside a firing of the housekeeping schedule: its timer row is IN_TIMEOUT under
     * the node's name, and its run RUNNING, as a long GC pause may catch a node. To make the firing last, each attempt
     * first gives housekeeping expired schedule runs to purge (a few seconds of batches); a firing the other node won,
     * or one that ended before the pause took, is let go and the next is tried. Once {@code importHalfDone} (no firing
     * of its own caught yet), the node is paused at once, so that the fencing drill still pauses a running import; the
     * drill's assertions hold either way, and the timeline says which pause it was. Returns what the node was doing.
     */
    private static String pauseInsideAFiring(StandaloneOrion node, long housekeeping, java.util.function.BooleanSupplier importHalfDone)
            throws Exception {
        String inTimeout = "SELECT coalesce(node_name, '-') FROM public.jboss_ejb_timer WHERE " + HOUSEKEEPING_TIMER + " AND timer_state = 'IN_TIMEOUT'";
        long[] askedAt = {0};
        boolean[] halfDone = {false};
        java.util.function.BooleanSupplier hurry = () -> { // the import's progress asked twice a second at most, not at every probe
            if (!halfDone[0] && System.nanoTime() - askedAt[0] > 500_000_000L) {
                askedAt[0] = System.nanoTime();
                halfDone[0] = importHalfDone.getAsBoolean();
            }
            return halfDone[0];
        };
        try (var connection = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD); var probe = connection.prepareStatement(inTimeout)) {
            for (int attempt = 1; attempt <= 10 && !hurry.getAsBoolean(); attempt++) {
                sql("INSERT INTO schedule_runs (schedule_id, trigger, node, started_at, finished_at, outcome, detail)"
                        + " SELECT ?, 'MANUAL', 'cluster-it', now() - interval '30 days', now() - interval '30 days', 'SUCCEEDED', 'expired'"
                        + " FROM generate_series(1, 200000)", housekeeping);
                String holder = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (holder == null && System.nanoTime() < deadline && !hurry.getAsBoolean()) {
                    try (var row = probe.executeQuery()) {
                        holder = row.next() ? row.getString(1) : null;
                    }
                    Thread.sleep(2);
                }
                if (node.nodeName().equals(holder)) {
                    node.pause();
                    Thread.sleep(200);
                    String running = sql("SELECT to_char(started_at, 'HH24:MI:SS.MS') FROM schedule_runs WHERE schedule_id = ? AND outcome = 'RUNNING'"
                            + " AND node = ?", housekeeping, node.nodeName());
                    String stillHeld = sql(inTimeout);
                    if (running != null && node.nodeName().equals(stillHeld)) {
                        return "inside a housekeeping firing (attempt " + attempt + ": its run since " + running + " RUNNING, the timer row IN_TIMEOUT under its name)";
                    }
                    node.resume();
                }
                Poll.until(Duration.ofSeconds(60), () -> sql("SELECT count(*) FROM schedule_runs WHERE schedule_id = ? AND outcome = 'RUNNING'", housekeeping),
                        "0"::equals);
            }
        }
        node.pause();
        return "at once, outside a firing of its own (none caught before half the import was written)";
    }

    /**
     * The start of the first TIMER run of the schedule after {@code since} on {@code node} (null: any node), once there
     * are {@code count} of them, waiting up to {@code timeout}; null if there are fewer by then.
     */
    private static String firstFiringOf(StandaloneOrion node, long schedule, String since, int count, Duration timeout) {
        try {
            return Poll.until(timeout, () -> sql("SELECT CASE WHEN count(*) >= ? THEN min(started_at)::text END FROM schedule_runs"
                    + " WHERE schedule_id = ? AND trigger = 'TIMER' AND node LIKE ? AND started_at > ?::timestamptz", count, schedule,
                    node == null ? "%" : node.nodeName(), since), java.util.Objects::nonNull);
        } catch (AssertionError fewer) {
            return null;
        }
    }

    /**
     * What a stalled schedule leaves to explain itself: its timer row's story ({@link TimerRowWatch}) and state now, the
     * schedule's row, the gaps between its firings in {@code window}, and the nodes' log lines about timers and firings.
     */
    private static String scheduleStory(long schedule, String window, TimerRowWatch watch) {
        var story = new ArrayList<String>();
        story.add("housekeeping timer row, each state that lasted: " + String.join(" | ", watch.changes()));
        story.add("housekeeping timer row now: " + sql("SELECT string_agg(timer_state || ' node ' || coalesce(node_name, '-') || ' next '"
                + " || coalesce(next_date::text, '-') || ' previous ' || coalesce(previous_run::text, '-'), '; ') FROM public.jboss_ejb_timer WHERE "
                + HOUSEKEEPING_TIMER));
        story.add("schedule: " + sql("SELECT 'revision ' || revision || ', timer_revision ' || timer_revision || ', next_run_at '"
                + " || coalesce(next_run_at::text, '-') || ', last_run_at ' || coalesce(last_run_at::text, '-') || ', last_outcome '"
                + " || coalesce(last_outcome, '-') FROM schedules WHERE id = ?", schedule));
        story.add("firings by node and outcome: " + sql("SELECT string_agg(node || ' ' || outcome || ': ' || n, ', ') FROM (SELECT node, outcome,"
                + " count(*) n" + window + " GROUP BY node, outcome) x"));
        story.add("gaps of more than 5 s between firings: " + sql("SELECT string_agg(to_char(previous, 'HH24:MI:SS') || ' to '"
                + " || to_char(started_at, 'HH24:MI:SS') || ' (then ' || node || ' ' || outcome || coalesce(': ' || left(detail, 100), '') || ')', '; '"
                + " ORDER BY started_at) FROM (SELECT started_at, node, outcome, detail, lag(started_at) OVER (ORDER BY started_at) previous"
                + window + ") x WHERE started_at - previous > interval '5 seconds'"));
        story.add("first and last firing: " + sql("SELECT min(started_at)::text || ' and ' || max(started_at)::text" + window));
        for (StandaloneOrion node : List.of(nodeA, nodeB)) {
            var lines = log(node).lines().filter(line -> line.contains("Firing of") || line.contains("Scheduled task")
                    || line.contains("schedule run") || line.contains("timer firing") || line.contains("has been silent")
                    || line.contains("its lease") || line.contains("WFLYEJB") && !line.contains("\"level\":\"INFO\"")).toList();
            for (String line : lines.subList(Math.max(0, lines.size() - 25), lines.size())) {
                Matcher entry = LOG_LINE.matcher(line);
                story.add(node.nodeName() + ": " + (entry.find() ? entry.group(1) + " " + entry.group(2) : line));
            }
        }
        return "\n  " + String.join("\n  ", story);
    }

    /** The last cluster view a node's log shows (JGroups and Infinispan log one line per change). */
    private static String lastView(String log) {
        var views = log.lines().filter(line -> line.contains("view") && VIEW_SIZE.matcher(line).find()).toList();
        return views.isEmpty() ? "" : views.get(views.size() - 1);
    }

    private static long startImport(StandaloneOrion node, String token, int rows) {
        var accepted = Http.plain().post(node.url() + "/api/v1/imports", "text/tab-separated-values", feed(rows),
                "Authorization", "Bearer " + token);
        assertEquals(202, accepted.statusCode(), accepted.body());
        return Http.json(accepted).getJsonNumber("id").longValue();
    }

    /** Rows the execution's import step has written, as its step execution in the job repository says. */
    private static long writes(long executionId) {
        String count = sql("SELECT writecount FROM public.step_execution WHERE jobexecutionid = ? AND stepname = 'import-rows'", executionId);
        return count == null ? 0 : Long.parseLong(count);
    }

    /** A digest of the vendor's products, all but their identity and times (version counts real rewrites). */
    private static String catalogue(long vendor) {
        return sql("SELECT count(*) || ':' || md5(string_agg((to_jsonb(p) - 'id' - 'vendor_id' - 'created_at' - 'updated_at')::text,"
                + " ',' ORDER BY sku)) FROM products p WHERE vendor_id = ?", vendor);
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    /** The drill: a console session, an import and a batch of emails all on one node, which is then killed. */
    @Test
    @Order(6)
    void aNodeDiesWhileServingAConsoleSessionRunningAnImportAndSendingEmails() throws Exception {
        sql("INSERT INTO users (email, display_name, password_hash, role) VALUES (?, 'Ops', ?, 'ADMIN') RETURNING id",
                CONSOLE_USER, hash(CONSOLE_PASSWORD));
        console = Http.browser();
        console.get(ClusterProxy.BASE + "/console/login.xhtml");
        console.postForm(ClusterProxy.BASE + "/console/login", Map.of("username", CONSOLE_USER, "password", CONSOLE_PASSWORD));
        pageFromTheDeadNode = console.get(ClusterProxy.BASE + "/console/dashboard.xhtml");
        assertEquals(200, pageFromTheDeadNode.statusCode());
        assertTrue(pageFromTheDeadNode.body().contains("id=\"current-user\""), "signed in: " + pageFromTheDeadNode.body());
        dead = servedBy(pageFromTheDeadNode);
        survivor = dead == nodeA ? nodeB : nodeA;

        importVendor = vendor("feed");
        importVendorToken = token(dead, apiClient(importVendor, null));
        var accepted = Http.plain().post(dead.url() + "/api/v1/imports", "text/tab-separated-values", feed(FEED_ROWS),
                "Authorization", "Bearer " + importVendorToken);
        assertEquals(202, accepted.statusCode(), accepted.body());
        importId = Http.json(accepted).getJsonNumber("id").longValue();

        queueEmailsOn(dead);
        Poll.until(Duration.ofSeconds(120), () -> Http.json(get(dead, "/imports/" + importId, importVendorToken)),
                i -> i.getInt("rows_written") >= 2_000 || JobStatus.ended(i));
        Poll.until(Duration.ofSeconds(120), () -> received("cluster:"), n -> n >= 30);
        var beforeKill = Http.json(get(dead, "/imports/" + importId, importVendorToken));
        // As in EmailCrashIT, the kill comes while every sender is stalled mid-conversation (the relay stops
        // answering; what it already accepted is marked SENT by then), not inside the sub-millisecond window
        // between the relay's 250 and the SENT commit that no SMTP sender can close (docs/architecture.md).
        relay.freeze();
        Thread.sleep(2_000);
        int mailsBeforeKill = received("cluster:");

        dead.kill();
        relay.thaw();

        System.out.printf("Cluster: %s killed with %d of %d rows imported and %d of %d emails sent%n", dead.nodeName(),
                beforeKill.getInt("rows_written"), FEED_ROWS, mailsBeforeKill, EMAILS);
        assertEquals("STARTED", beforeKill.getString("status"), "the import was still running: " + beforeKill);
        assertTrue(mailsBeforeKill < EMAILS, "emails were still being sent");
    }

    @Test
    @Order(7)
    void theConsoleSessionGoesOnOnTheOtherNode() {
        // a Faces post (the language menu's Ajax change) with the view state the dead node rendered
        var form = new LinkedHashMap<String, String>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "locale-form:language");
        form.put("jakarta.faces.partial.execute", "locale-form:language");
        form.put("jakarta.faces.behavior.event", "change");
        form.put("jakarta.faces.partial.event", "change");
        form.put("locale-form", "locale-form");
        form.put("locale-form:language_input", "de");
        form.put("jakarta.faces.ViewState", match(VIEW_STATE, pageFromTheDeadNode.body()).replace("&#58;", ":"));
        form.put("primefaces.nonce", match(NONCE, pageFromTheDeadNode.body()));
        var posted = console.send(HttpRequest.newBuilder(URI.create(ClusterProxy.BASE + "/console/dashboard.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Faces-Request", "partial/ajax")
                .POST(HttpRequest.BodyPublishers.ofString(Http.form(form))));

        assertEquals(200, posted.statusCode(), posted.body());
        assertEquals(survivor, servedBy(posted));
        assertTrue(posted.body().contains("<partial-response"), posted.body());
        assertFalse(posted.body().contains("ViewExpired"), "the view state outlived its node: " + posted.body());

        var next = console.get(ClusterProxy.BASE + "/console/dashboard.xhtml");
        assertEquals(200, next.statusCode());
        assertEquals(survivor, servedBy(next));
        assertTrue(next.body().contains("id=\"current-user\""), "still signed in: " + next.body());
        assertTrue(next.body().contains("lang=\"de\""), "the language chosen by the post is in the session: " + posted.body());
    }

    @Test
    @Order(8)
    void theDeadNodesImportIsLeftRestartableAndCompletesOnTheOtherNode() {
        String id = Long.toString(importId);
        Poll.until(Duration.ofSeconds(60), () -> sql("SELECT batchstatus FROM public.job_execution WHERE jobexecutionid = " + id),
                "FAILED"::equals);
        JsonObject failed = Http.json(get(survivor, "/imports/" + importId, importVendorToken));
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        var execution = Http.json(get(survivor, "/batch/executions/" + importId, platformToken));
        assertTrue(execution.getString("exit_status").contains("server " + dead.nodeName() + " stopped answering"), execution.toString());

        var restart = send(survivor, "POST", "/batch/executions/" + importId + "/restart", platformToken, null);
        assertEquals(202, restart.statusCode(), restart.body());
        long restarted = Http.json(restart).getJsonNumber("id").longValue();
        JsonObject done = Poll.until(Duration.ofSeconds(240), () -> Http.json(get(survivor, "/imports/" + importId, importVendorToken)),
                i -> i.getJsonNumber("execution_id").longValue() == restarted && JobStatus.ended(i));

        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(survivor.nodeName(), Http.json(get(survivor, "/batch/executions/" + restarted, platformToken))
                .getJsonObject("parameters").getString("orion.node"));
        assertEquals(Integer.toString(FEED_ROWS), sql("SELECT count(*) FROM products WHERE vendor_id = ?", importVendor),
                "exactly the feed's rows");
    }

    @Test
    @Order(9)
    void emailsQueuedOnTheDeadNodeAllArriveExactlyOnce() throws Exception {
        Poll.until(Duration.ofSeconds(180), () -> received("cluster:"), n -> n >= EMAILS);
        Thread.sleep(3_000); // a duplicate would come after the last first copy

        Map<String, Long> perKey = receivedPerKey("cluster:");
        assertEquals(EMAILS, perKey.size(), "every email arrived");
        assertEquals(Map.of(), perKey.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "none arrived twice");
        assertEquals(Integer.toString(EMAILS), sql("SELECT count(*) FROM email_outbox WHERE status = 'SENT' AND dedupe_key LIKE 'cluster:%'"));
    }

    /** EMAILS emails in the outbox, put on the queue of {@code node} at once by the dead-letter re-send. */
    private static void queueEmailsOn(StandaloneOrion node) {
        queueEmailsOn(node, "cluster:", EMAILS);
    }

    private static void queueEmailsOn(StandaloneOrion node, String keyPrefix, int count) {
        sql("INSERT INTO email_outbox (dedupe_key, template, locale, recipient, model, status)"
                + " SELECT '" + keyPrefix + "' || n, 'order-confirmation', 'en', 'buyer' || n || '@cluster.example',"
                + " '{\"orderId\": ' || n || ', \"customerName\": \"Cluster\", \"total\": \"1.00 EUR\", \"vendorName\": \"Cluster Test\"}',"
                + " 'FAILED' FROM generate_series(1, " + count + ") n RETURNING id");
        var resent = send(node, "POST", "/emails/failed/resend", platformToken, null);
        assertEquals(200, resent.statusCode(), resent.body());
        assertEquals(count, Http.json(resent).getInt("resent"));
    }

    private static int received(String keyPrefix) {
        return receivedPerKey(keyPrefix).values().stream().mapToInt(Long::intValue).sum();
    }

    /** Emails GreenMail received whose dedupe key starts with {@code keyPrefix}, counted per key. */
    private static Map<String, Long> receivedPerKey(String keyPrefix) {
        return Arrays.stream(smtp.getReceivedMessages()).map(ClusterIT::dedupeKey)
                .filter(key -> key != null && key.startsWith(keyPrefix))
                .collect(Collectors.groupingBy(key -> key, Collectors.counting()));
    }

    private static StandaloneOrion servedBy(HttpResponse<?> response) {
        String upstream = response.headers().firstValue("X-Orion-Upstream").orElseThrow();
        // after a failed attempt nginx lists every node it tried: the last one answered
        String last = upstream.substring(upstream.lastIndexOf(' ') + 1);
        return last.endsWith(":" + URI.create(nodeA.url()).getPort()) ? nodeA : nodeB;
    }

    private static String feed(int rows) {
        var feed = new StringBuilder("id\ttitle\tprice\tavailability\n");
        for (int i = 1; i <= rows; i++) {
            feed.append("SKU-").append(i).append("\tItem ").append(i).append('\t').append(i % 100).append(".99 EUR\tin_stock\n");
        }
        return feed.toString();
    }

    private static long vendor(String prefix) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return Long.parseLong(sql("INSERT INTO vendors (code, name) VALUES (?, ?) RETURNING id", code, "Vendor " + code));
    }

    /** A new API client (platform when {@code vendor} is null) on {@code plan} (null: the default); returns its id. */
    private static String apiClient(Long vendor, String plan) {
        String clientId = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        sql("INSERT INTO api_clients (client_id, name, secret_hash, role, vendor_id) VALUES (?, ?, ?, ?, ?) RETURNING id",
                clientId, clientId, hash("secret"), vendor == null ? "platform" : "vendor", vendor);
        if (plan != null) {
            sql("UPDATE api_clients SET rate_plan = ? WHERE client_id = ? RETURNING id", plan, clientId);
        }
        return clientId;
    }

    private static String token(StandaloneOrion node, String clientId) {
        var response = Http.plain().postForm(node.url() + "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", "secret"));
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).getString("access_token");
    }

    private static HttpResponse<String> get(StandaloneOrion node, String path, String token) {
        return Http.plain().get(node.url() + "/api/v1" + path, "Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(StandaloneOrion node, String method, String path, String token, String json, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(node.url() + "/api/v1" + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return Http.plain().send(request);
    }

    private static String log(StandaloneOrion node) {
        try {
            Path base = Path.of(System.getProperty("orion.server.base")).getParent()
                    .resolve("cluster-" + node.nodeName() + "/log/server.log");
            return Files.exists(base) ? Files.readString(base) : "";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), "no " + pattern + " in the page");
        return matcher.group(1);
    }

    private static String hash(String secret) {
        return new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(6, secret.toCharArray()), StandardCharsets.US_ASCII);
    }

    private static String dedupeKey(MimeMessage message) {
        try {
            return message.getHeader("X-Orion-Dedupe-Key", null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row (null for none), in the cluster's database. */
    private static String sql(String sql, Object... parameters) {
        try (var connection = DriverManager.getConnection(DB_URL, System.getenv().getOrDefault("ORION_DB_USER", "orion"),
                System.getenv().getOrDefault("ORION_DB_PASSWORD", "orion"))) {
            try (var path = connection.createStatement()) {
                path.execute("SET search_path = orion, public");
            }
            try (var statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                if (!statement.execute()) {
                    return Integer.toString(statement.getUpdateCount());
                }
                try (var rows = statement.getResultSet()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
