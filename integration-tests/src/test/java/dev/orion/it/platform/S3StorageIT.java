package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orion.it.support.TestData;
import dev.orion.it.support.FreshTestDatabase;
import dev.orion.it.support.Http;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.Poll;
import dev.orion.it.support.S3Server;
import dev.orion.it.support.StandaloneOrion;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Orion with {@code ORION_STORAGE_BACKEND=s3} against a real S3-API server (S3Mock, port 9090): a second server
 * (port offset 500, database orion_storage) whose uploads, import reports, sales reports and invoices live in the
 * bucket under a key prefix, read back through the API byte for byte; its readiness follows the bucket. A missing
 * bucket stops the start with one line that says so.
 */
class S3StorageIT {

    private static final int OFFSET = 500;
    private static final String DB = "orion_storage";
    private static final String REDIS = "redis://127.0.0.1:6379/5";
    private static final String BUCKET = "orion-it";
    private static final String PREFIX = "tenant-a/";

    private final Http http = Http.plain();
    private GreenMail smtp;
    private S3Server s3;
    private StandaloneOrion orion;
    private String token;

    @AfterEach
    void tearDown() throws Exception {
        if (orion != null) {
            orion.stop();
        }
        if (s3 != null) {
            s3.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void filesLiveInTheBucketAndReadinessFollowsIt() throws Exception {
        String base = System.getProperty("orion.server.base");
        Path bucketFiles = Path.of(base + "-s3-bucket");
        deleteTree(bucketFiles);
        Path localStorage = Path.of(base + "-s3-local-storage");
        deleteTree(localStorage);
        FreshTestDatabase.main(new String[] {DB, REDIS});
        smtp = new GreenMail(new ServerSetup(3625, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        s3 = new S3Server(bucketFiles, BUCKET);
        s3.start();
        orion = new StandaloneOrion(Path.of(base + "-s3"), environment(BUCKET, localStorage), OFFSET);
        orion.start();
        long vendor = arrangeVendor();
        token = token();

        try (S3Client bucket = S3Server.client()) {
            importedFeedAndItsRejectedRowsAreInTheBucket(bucket, vendor);
            salesReportDownloadIsTheObjectInTheBucket(bucket);
            invoicePdfIsTheObjectInTheBucket(bucket, vendor);
        }
        assertFalse(Files.exists(localStorage), "nothing was written to the local storage directory");

        JsonObject ready = readiness(200);
        assertTrue(storageCheck(ready).getJsonObject("data").getString("target").startsWith("s3://" + BUCKET + "/" + PREFIX), ready.toString());

        s3.stop();
        JsonObject down = readiness(503);
        assertEquals("DOWN", storageCheck(down).getString("status"), down.toString());
        assertEquals("DOWN", down.getString("status"));

        s3.start();
        assertEquals("UP", storageCheck(readiness(200)).getString("status"), "storage is ready again once the bucket is back");
    }

    @Test
    void aMissingBucketStopsTheStartWithOneClearLine() throws Exception {
        String base = System.getProperty("orion.server.base");
        Path bucketFiles = Path.of(base + "-s3-bucket");
        deleteTree(bucketFiles);
        FreshTestDatabase.main(new String[] {DB, REDIS});
        s3 = new S3Server(bucketFiles, BUCKET);
        s3.start();
        orion = new StandaloneOrion(Path.of(base + "-s3"), environment("no-such-bucket", Path.of(base + "-s3-local-storage")), OFFSET);

        orion.launch();

        String refusal = Poll.until(Duration.ofSeconds(180), () -> logLine(orion.serverLog(), "Orion cannot start"), line -> line != null);
        assertTrue(refusal.contains("storage is not usable: S3 storage s3://no-such-bucket/" + PREFIX + " at " + S3Server.ENDPOINT
                + " is not usable: the bucket does not exist"), refusal);
    }

    private static Map<String, String> environment(String bucket, Path localStorage) {
        return Map.ofEntries(
                Map.entry("ORION_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + DB),
                Map.entry("ORION_REDIS_URL", REDIS),
                Map.entry("ORION_SMTP_PORT", "3625"),
                Map.entry("ORION_STORAGE_DIR", localStorage.toString()),
                Map.entry("ORION_STORAGE_BACKEND", "s3"),
                Map.entry("ORION_STORAGE_S3_ENDPOINT", S3Server.ENDPOINT),
                Map.entry("ORION_STORAGE_S3_PATH_STYLE", "true"),
                Map.entry("ORION_STORAGE_S3_BUCKET", bucket),
                Map.entry("ORION_STORAGE_S3_PREFIX", PREFIX),
                Map.entry("ORION_STORAGE_S3_ACCESS_KEY", "orion"),
                Map.entry("ORION_STORAGE_S3_SECRET_KEY", "orion-secret"));
    }

    private static String logLine(Path log, String text) {
        try {
            return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains(text)).findFirst().orElse(null) : null;
        } catch (java.io.IOException e) {
            return null; // being written
        }
    }

    /** A 12 MB feed: more than one part of the streaming upload. */
    private void importedFeedAndItsRejectedRowsAreInTheBucket(S3Client bucket, long vendor) {
        var feed = new StringBuilder("id\ttitle\tdescription\tprice\n");
        String filler = "y".repeat(1 << 20);
        for (int i = 1; i <= 12; i++) {
            feed.append("S3-").append(i).append("\tBig\t").append(filler).append("\tnot a price\n");
        }
        byte[] sent = feed.toString().getBytes(StandardCharsets.UTF_8);
        var accepted = http.send(api("/imports").header("Content-Type", "text/tab-separated-values")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sent)));
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonObject done = await(accepted.headers().firstValue("Location").orElseThrow());
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(12, done.getInt("rows_skipped"));

        List<S3Object> uploads = objects(bucket, PREFIX + "uploads/" + vendor + "/");
        assertEquals(1, uploads.size(), uploads.toString());
        assertEquals(sent.length, uploads.get(0).size());
        assertArrayEquals(sent, object(bucket, uploads.get(0).key()), "the upload is stored as sent");

        var rejects = http.sendForBytes(HttpRequest.newBuilder(URI.create(done.getString("rejects_url"))).header("Authorization", "Bearer " + token));
        assertEquals(200, rejects.statusCode());
        assertTrue(new String(rejects.body(), StandardCharsets.UTF_8).contains("not a price"), "the rejected rows with their values");
        String instance = query("SELECT jobinstanceid FROM job_execution WHERE jobexecutionid = " + done.getJsonNumber("id").longValue());
        assertArrayEquals(rejects.body(), object(bucket, PREFIX + "import-reports/" + instance + ".csv"), "the rejected rows are served from the bucket");
    }

    private void salesReportDownloadIsTheObjectInTheBucket(S3Client bucket) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        var accepted = http.send(api("/reports/sales").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"" + today + "\",\"to\":\"" + today + "\",\"format\":\"csv\"}")));
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonObject done = await(accepted.headers().firstValue("Location").orElseThrow());
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        var download = http.sendForBytes(HttpRequest.newBuilder(URI.create(done.getString("content_url"))).header("Authorization", "Bearer " + token));
        assertEquals(200, download.statusCode());

        List<S3Object> reports = objects(bucket, PREFIX + "reports/sales/");
        assertEquals(1, reports.size(), reports.toString());
        assertArrayEquals(download.body(), object(bucket, reports.get(0).key()));
    }

    private void invoicePdfIsTheObjectInTheBucket(S3Client bucket, long vendor) {
        long order = Long.parseLong(query("SELECT id FROM orders WHERE vendor_id = " + vendor));
        var issued = http.send(api("/orders/" + order + "/invoice").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(201, issued.statusCode(), issued.body());
        String number = Http.json(issued).getString("number");
        var pdf = http.sendForBytes(api("/orders/" + order + "/invoice/pdf"));
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        assertArrayEquals(pdf.body(), object(bucket, PREFIX + "invoices/" + vendor + "/" + number + ".pdf"));
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(orion.url() + "/api/v1" + path)).header("Authorization", "Bearer " + token);
    }

    private JsonObject await(String location) {
        return Poll.until(Duration.ofSeconds(120), () -> Http.json(http.send(HttpRequest.newBuilder(URI.create(location))
                .header("Authorization", "Bearer " + token))), JobStatus::ended);
    }

    private JsonObject readiness(int status) {
        return Poll.until(Duration.ofSeconds(30), () -> {
            HttpResponse<String> response = http.get(orion.managementUrl() + "/health/ready");
            return response.statusCode() == status ? Http.json(response) : null;
        }, r -> r != null);
    }

    private static JsonObject storageCheck(JsonObject health) {
        return health.getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").equals("storage")).findFirst().orElseThrow();
    }

    private static List<S3Object> objects(S3Client bucket, String prefix) {
        return bucket.listObjectsV2(r -> r.bucket(BUCKET).prefix(prefix)).contents();
    }

    private static byte[] object(S3Client bucket, String key) {
        return bucket.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asByteArray();
    }

    /** A vendor with a product, a confirmed order of it (today, for the report and the invoice) and an API client. */
    private static long arrangeVendor() throws Exception {
        long vendor = Long.parseLong(query("INSERT INTO vendors (code, name) VALUES ('s3', 'S3 Vendor') RETURNING id"));
        query("INSERT INTO api_clients (client_id, name, secret_hash, role, vendor_id) VALUES ('s3-vendor', 's3', '"
                + new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(6, "s3-secret".toCharArray()), StandardCharsets.US_ASCII)
                + "', 'vendor', " + vendor + ") RETURNING id");
        query("INSERT INTO products (vendor_id, sku, title, price_amount, price_currency, stock) VALUES (" + vendor
                + ", 'MUG', 'Mug', 10.00, 'EUR', 10) RETURNING id");
        long customer = Long.parseLong(query("INSERT INTO customers (vendor_id, email, full_name) VALUES (" + vendor
                + ", 'ada@s3.example', 'Ada Customer') RETURNING id"));
        long order = Long.parseLong(query("INSERT INTO orders (vendor_id, customer_id, status, currency, total_amount) VALUES ("
                + vendor + ", " + customer + ", 'CONFIRMED', 'EUR', 10.00) RETURNING id"));
        query("INSERT INTO order_lines (order_id, line_no, sku, title, quantity, unit_price) VALUES (" + order
                + ", 1, 'MUG', 'Mug', 1, 10.00) RETURNING id");
        return vendor;
    }

    private String token() {
        return Http.json(http.postForm(orion.url() + "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", "s3-vendor", "client_secret", "s3-secret"))).getString("access_token");
    }

    private static String query(String sql) {
        return TestData.queryIn(DB, sql);
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
    }
}
