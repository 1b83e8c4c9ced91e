package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orion.it.support.BackupScripts;
import dev.orion.it.support.Fingerprints;
import dev.orion.it.support.FreshTestDatabase;
import dev.orion.it.support.Http;
import dev.orion.it.support.Poll;
import dev.orion.it.support.StandaloneOrion;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The restore drill, with the committed scripts (server-config/backup): an Orion server of its own (port offset
 * 400, database orion_drill, its own storage directory) gets real data through the API (products, a feed import
 * with its upload and rejects report in storage, an order with its invoice PDF); it is stopped and backed up;
 * the database is dropped and the storage directory deleted; the restore must give back the same rows (row
 * counts and checksums of every table, sequence positions) and the same files (SHA-256 of each), and the server
 * started on them serves the same report and PDF and lets the same API client and console user sign in. Also:
 * retention, a failed backup that leaves nothing, and a damaged backup that the restore refuses.
 */
class BackupRestoreIT {

    private static final int OFFSET = 400;
    private static final String DB = "orion_drill";
    private static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/" + DB;
    private static final String REDIS = "redis://127.0.0.1:6379/4";
    private static final Path WORK = Path.of(System.getProperty("orion.server.base") + "-drill");
    private static final Path STORAGE = WORK.resolve("storage");
    private static final Path BACKUPS = WORK.resolve("backups");
    private static final BackupScripts SCRIPTS = new BackupScripts(DB_URL, STORAGE, BACKUPS);
    private static final String FEED = String.join("\n",
            "id\ttitle\tprice\tavailability",
            "DRILL-10\tLantern\t12.50 EUR\tin_stock",
            "DRILL-11\tLantern, large\tfree\tin_stock",
            "DRILL-12\tWick\t1.20 EUR\tin_stock") + "\n";

    private static GreenMail smtp;
    private static StandaloneOrion orion;
    private static String importPath;
    private static String invoicePdfPath;
    private static byte[] rejectsBefore;
    private static byte[] invoiceBefore;
    private static String productsBefore;

    @BeforeAll
    static void serverWithData() throws Exception {
        FreshTestDatabase.main(new String[] {DB, REDIS});
        deleteTree(WORK);
        smtp = new GreenMail(new ServerSetup(3025 + OFFSET, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        orion = new StandaloneOrion(WORK.resolve("server"), Map.of(
                "ORION_DB_URL", DB_URL,
                "ORION_REDIS_URL", REDIS,
                "ORION_SMTP_PORT", Integer.toString(3025 + OFFSET),
                "ORION_STORAGE_DIR", STORAGE.toString(),
                "ORION_DEMO_DATA", "false"), OFFSET);
        orion.start();

        long vendor = insert("INSERT INTO vendors (code, name) VALUES ('DRILL', 'Drill Supplies') RETURNING id");
        insert("INSERT INTO api_clients (client_id, name, secret_hash, role, vendor_id) VALUES ('drill-api', 'drill', '"
                + bcrypt("drill-secret") + "', 'vendor', " + vendor + ") RETURNING id");
        insert("INSERT INTO users (email, display_name, password_hash, role, vendor_id) VALUES ('keeper@drill.example', 'Keeper', '"
                + bcrypt("drill console pass") + "', 'VENDOR', " + vendor + ") RETURNING id");
        String token = token();

        for (int i = 1; i <= 3; i++) {
            var put = api("PUT", "/products/DRILL-" + i, token, "application/json",
                    "{\"title\":\"Drill item " + i + "\",\"price\":\"" + (10 + i) + ".90\",\"currency\":\"EUR\",\"stock\":20,\"availability\":\"in_stock\"}");
            assertEquals(201, put.statusCode(), put.body());
        }
        var accepted = api("POST", "/imports", token, "text/tab-separated-values", FEED);
        assertEquals(202, accepted.statusCode(), accepted.body());
        importPath = path(accepted.headers().firstValue("Location").orElseThrow());
        JsonObject done = Poll.until(Duration.ofSeconds(60), () -> Http.json(api("GET", importPath, token, null, null)),
                s -> !List.of("STARTING", "STARTED").contains(s.getString("status")));
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        rejectsBefore = download(importPath + "/rejects", token);
        assertTrue(new String(rejectsBefore, StandardCharsets.UTF_8).contains("\n3,price,free,"), "the feed's rejected row is reported");

        var order = api("POST", "/orders", token, "application/json", "{\"external_id\":\"drill-1\",\"currency\":\"EUR\","
                + "\"customer\":{\"email\":\"ada@drill.example\",\"name\":\"Ada\",\"locale\":\"en\"},\"lines\":[{\"sku\":\"DRILL-1\",\"quantity\":2}]}");
        assertEquals(201, order.statusCode(), order.body());
        String orderPath = path(order.headers().firstValue("Location").orElseThrow());
        var confirmed = api("POST", orderPath + "/transitions", token, "application/json", "{\"to\":\"CONFIRMED\"}");
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        var invoice = api("POST", orderPath + "/invoice", token, null, null);
        assertEquals(201, invoice.statusCode(), invoice.body());
        invoicePdfPath = path(Http.json(invoice).getString("pdf_url"));
        invoiceBefore = download(invoicePdfPath, token);
        assertEquals("%PDF", new String(invoiceBefore, 0, 4, StandardCharsets.US_ASCII));
        productsBefore = api("GET", "/products?limit=100", token, null, null).body();
        // the confirmation and the invoice email are out: nothing is left in flight when the server stops
        Poll.until(Duration.ofSeconds(60), () -> smtp.getReceivedMessages().length, n -> n >= 2);
        orion.stop();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (orion != null) {
            orion.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void backupWipeAndRestoreGiveBackTheSameRowsAndFiles() throws Exception {
        Map<String, String> rowsBefore = databaseFingerprint();
        Map<String, String> filesBefore = Fingerprints.files(STORAGE);
        assertTrue(filesBefore.keySet().stream().anyMatch(f -> f.startsWith("invoices/")), "an invoice PDF is in storage: " + filesBefore);
        assertTrue(filesBefore.size() >= 3, "the upload, the rejects report and the invoice are in storage: " + filesBefore);
        assertTrue(rowsBefore.get("orion.products").startsWith("5:"), "3 products put and 2 imported: " + rowsBefore.get("orion.products"));

        long started = System.nanoTime();
        Path backup = SCRIPTS.backupOrFail(Map.of());
        long backedUp = System.nanoTime();
        wipe();
        assertFalse(Files.exists(STORAGE));
        var restored = SCRIPTS.restore(backup);
        assertEquals(0, restored.exitCode(), restored.output());
        System.out.printf("Restore drill: %d tables and sequences, %d files; backup %.1f s (%d KB), restore %.1f s%n",
                rowsBefore.size(), filesBefore.size(), (backedUp - started) / 1e9, size(backup) / 1024,
                (System.nanoTime() - backedUp) / 1e9);

        assertEquals(rowsBefore, databaseFingerprint(), "every table and sequence as it was");
        assertEquals(filesBefore, Fingerprints.files(STORAGE), "every stored file as it was");

        orion.start();
        String token = token();
        assertArrayEquals(rejectsBefore, download(importPath + "/rejects", token), "the same rejects report, served from the restored storage");
        assertArrayEquals(invoiceBefore, download(invoicePdfPath, token), "the same invoice PDF");
        assertEquals(productsBefore, api("GET", "/products?limit=100", token, null, null).body());
        var browser = Http.browser();
        browser.get(orion.url() + "/console/login.xhtml");
        var login = browser.postForm(orion.url() + "/console/login", Map.of("username", "keeper@drill.example", "password", "drill console pass"));
        assertFalse(login.uri().getPath().endsWith("login.xhtml"), "the console user signs in: " + login.uri());
        assertTrue(browser.get(orion.url() + "/console/catalog/products.xhtml").body().contains("Drill item 2"));
        orion.stop();
    }

    @Test
    void anEncryptedBackupRestoresOnlyWithItsKeyAndHoldsNoClearData() throws Exception {
        Map<String, String> rowsBefore = databaseFingerprint();
        Map<String, String> filesBefore = Fingerprints.files(STORAGE);
        Path keys = Files.createDirectories(WORK.resolve("keys"));
        Path key = Files.writeString(keys.resolve("backup.key"), "correct horse battery staple drill\n");
        Path wrongKey = Files.writeString(keys.resolve("wrong.key"), "not the passphrase\n");
        Path root = WORK.resolve("encrypted");

        Path backup = SCRIPTS.backupOrFail(Map.of("ORION_BACKUP_DIR", root.toString(), "ORION_BACKUP_ENCRYPTION_KEY_FILE", key.toString()));

        assertEquals(List.of("MANIFEST", "SHA256SUMS", "database.dump.gpg", "storage.tar.gz.gpg"), names(backup));
        byte[] dump = Files.readAllBytes(backup.resolve("database.dump.gpg"));
        assertFalse(new String(dump, 0, 5, StandardCharsets.ISO_8859_1).equals("PGDMP"), "not a clear pg_dump archive");
        assertFalse(new String(dump, StandardCharsets.ISO_8859_1).contains("keeper@drill.example"), "no clear customer or user data");
        wipe();
        var withoutKey = SCRIPTS.restore(backup);
        assertNotEquals(0, withoutKey.exitCode());
        assertTrue(withoutKey.output().contains("is encrypted: set ORION_BACKUP_ENCRYPTION_KEY_FILE"), withoutKey.output());
        var withWrongKey = SCRIPTS.restore(backup, Map.of("ORION_BACKUP_ENCRYPTION_KEY_FILE", wrongKey.toString()));
        assertNotEquals(0, withWrongKey.exitCode());
        assertTrue(withWrongKey.output().contains("cannot decrypt"), withWrongKey.output());
        assertFalse(Files.exists(STORAGE), "nothing was restored with a wrong key");
        assertEquals(List.of(backup.getFileName().toString()), names(root), "no decrypted copy is left beside the backup");

        var restored = SCRIPTS.restore(backup, Map.of("ORION_BACKUP_ENCRYPTION_KEY_FILE", key.toString()));

        assertEquals(0, restored.exitCode(), restored.output());
        assertEquals(rowsBefore, databaseFingerprint(), "every table and sequence as it was");
        assertEquals(filesBefore, Fingerprints.files(STORAGE), "every stored file as it was");
        assertEquals(List.of(backup.getFileName().toString()), names(root), "the decrypted copies are gone");
    }

    @Test
    void backupsAreForTheirOwnerOnlyWhateverTheCallersUmask() throws Exception {
        Path root = WORK.resolve("modes");

        Path backup = SCRIPTS.backupOrFail(Map.of("ORION_BACKUP_DIR", root.toString()));

        assertEquals("rwx------", mode(root), "the backup root it created");
        assertEquals("rwx------", mode(backup));
        try (Stream<Path> files = Files.list(backup)) {
            for (Path file : files.toList()) {
                assertEquals("rw-------", mode(file), file.toString());
            }
        }
    }

    @Test
    void keepsOnlyTheNewestBackups() throws Exception {
        Path root = WORK.resolve("retention");
        List<Path> made = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(SCRIPTS.backupOrFail(Map.of("ORION_BACKUP_DIR", root.toString(), "ORION_BACKUP_KEEP", "2")));
        }
        try (Stream<Path> left = Files.list(root)) {
            assertEquals(made.subList(1, 3), left.sorted().toList(), "the two newest, and nothing half-written");
        }
    }

    @Test
    void aFailedBackupSaysWhyAndLeavesNothingBehind() throws Exception {
        Path root = WORK.resolve("failed");
        SCRIPTS.backupOrFail(Map.of("ORION_BACKUP_DIR", root.toString()));
        List<Path> before = list(root);

        var failed = SCRIPTS.backup(Map.of("ORION_BACKUP_DIR", root.toString(), "ORION_STORAGE_DIR", WORK.resolve("no-such-storage").toString()));

        assertNotEquals(0, failed.exitCode());
        assertTrue(failed.output().contains("FAILED: the storage directory"), failed.output());
        assertEquals(before, list(root), "no new backup, complete or partial: the newest is still the good one");
    }

    @Test
    void refusesADamagedBackupAndLeavesTheDatabaseAlone() throws Exception {
        Path backup = SCRIPTS.backupOrFail(Map.of("ORION_BACKUP_DIR", WORK.resolve("damaged").toString()));
        byte[] dump = Files.readAllBytes(backup.resolve("database.dump"));
        dump[dump.length / 2] ^= 0x5a;
        Files.write(backup.resolve("database.dump"), dump);
        execute("UPDATE vendors SET name = 'Changed after the backup' WHERE code = 'DRILL'");
        try {
            var refused = SCRIPTS.restore(backup);
            assertNotEquals(0, refused.exitCode());
            assertTrue(refused.output().contains("damaged"), refused.output());
            assertEquals("Changed after the backup", query("SELECT name FROM vendors WHERE code = 'DRILL'"), "nothing was restored");
        } finally {
            execute("UPDATE vendors SET name = 'Drill Supplies' WHERE code = 'DRILL'");
        }
    }

    private static String mode(Path path) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Everything in a backup root, hidden partial directories included. */
    private static List<Path> list(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.sorted().toList();
        }
    }

    private static void wipe() throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", user(), password());
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE " + DB + " WITH (FORCE)");
        }
        deleteTree(STORAGE);
    }

    private static Map<String, String> databaseFingerprint() throws SQLException {
        try (Connection connection = connect()) {
            return Fingerprints.database(connection);
        }
    }

    private static String token() {
        var response = Http.plain().postForm(orion.url() + "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", "drill-api", "client_secret", "drill-secret"));
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).getString("access_token");
    }

    private static java.net.http.HttpResponse<String> api(String method, String path, String token, String contentType, String body) {
        var request = HttpRequest.newBuilder(URI.create(orion.url() + "/api/v1" + path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return Http.plain().send(request);
    }

    private static byte[] download(String path, String token) {
        var response = Http.plain().sendForBytes(HttpRequest.newBuilder(URI.create(orion.url() + "/api/v1" + path))
                .header("Authorization", "Bearer " + token));
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    /** The part after /api/v1 of a link the API returned. */
    private static String path(String link) {
        return URI.create(link).getPath().substring("/api/v1".length());
    }

    private static Connection connect() throws SQLException {
        var connection = DriverManager.getConnection(DB_URL, user(), password());
        try (var statement = connection.createStatement()) {
            statement.execute("SET search_path = orion, public");
        }
        return connection;
    }

    private static long insert(String sql) throws SQLException {
        return Long.parseLong(query(sql));
    }

    private static String query(String sql) throws SQLException {
        try (var connection = connect(); var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static String bcrypt(String secret) {
        return new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(6, secret.toCharArray()), StandardCharsets.US_ASCII);
    }

    private static String user() {
        return System.getenv().getOrDefault("ORION_DB_USER", "orion");
    }

    private static String password() {
        return System.getenv().getOrDefault("ORION_DB_PASSWORD", "orion");
    }

    private static long size(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
