package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.FreshTestDatabase;
import dev.orion.it.support.Http;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.StandaloneOrion;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Imports and reports have capacity of their own (ORION_IMPORT_SLOTS, ORION_REPORT_SLOTS, 2 each by default): with
 * both import slots held by imports that cannot finish (the test holds a lock on the products table, so their
 * writers wait), a third import waits QUEUED while a report requested meanwhile runs at once; when the lock goes,
 * the two finish and the queued import is started in a later execution and completes. An API-only server runs
 * no batch work: what it starts waits QUEUED.
 */
@ExtendWith(ArquillianExtension.class)
class JobCapacityIT extends OrionDeployment {

    private static final int IMPORT_SLOTS = 2;
    private static final int API_ONLY_OFFSET = 1300;
    private static final String API_ONLY_DB = "orion_capacity";
    private static final byte[] FEED = "id\ttitle\tprice\nCAP-1\tCapacity mug\t9.00 EUR\nCAP-2\tCapacity cup\t4.00 EUR\n"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aReportStartsAtOnceWhileImportsFillTheirSlotsAndTheExtraImportWaitsForOne() throws Exception {
        var vendors = new ArrayList<ApiSession>();
        for (int i = 0; i <= IMPORT_SLOTS; i++) {
            vendors.add(ApiSession.newVendor("cap" + i));
        }
        List<Long> imports = new ArrayList<>();
        var waiting = vendors.get(IMPORT_SLOTS);
        long extra;
        try (Connection holder = TestData.connect()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("LOCK TABLE public.products IN SHARE MODE"); // imports read, cannot write

            for (int i = 0; i < IMPORT_SLOTS; i++) {
                long id = startImport(vendors.get(i));
                imports.add(id);
                Poll.until(Duration.ofSeconds(30), () -> TestData.queryString("SELECT batchstatus FROM public.step_execution"
                        + " WHERE jobexecutionid = ? AND stepname = 'import-rows'", id), "STARTED"::equals);
            }
            extra = startImport(waiting);
            JsonObject queued = Poll.until(Duration.ofSeconds(30), () -> Http.json(waiting.get("/imports/" + extra)),
                    s -> !"STARTING".equals(s.getString("status")) && !"STARTED".equals(s.getString("status")));
            assertEquals("QUEUED", queued.getString("status"), "all import slots are taken: " + queued);

            var reporter = vendors.get(0);
            long requested = System.nanoTime();
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            var accepted = reporter.send("POST", "/reports/sales", "application/json",
                    "{\"from\": \"" + today + "\", \"to\": \"" + today + "\", \"format\": \"csv\"}");
            assertEquals(202, accepted.statusCode(), accepted.body());
            String location = ApiSession.path(accepted.headers().firstValue("Location").orElseThrow());
            JsonObject report = Poll.until(Duration.ofSeconds(20), () -> Http.json(reporter.get(location)), JobStatus::ended);
            long tookMillis = (System.nanoTime() - requested) / 1_000_000;
            assertEquals("COMPLETED", report.getString("status"), "the report has slots of its own: " + report);
            System.out.printf("JobCapacityIT: report COMPLETED %d ms after its request while the import slots were full%n", tookMillis);

            for (long id : imports) {
                assertEquals("STARTED", Http.json(vendors.get(imports.indexOf(id)).get("/imports/" + id)).getString("status"),
                        "the imports holding the slots are still running (the lock holds them)");
            }
            assertEquals("QUEUED", Http.json(waiting.get("/imports/" + extra)).getString("status"),
                    "the extra import still waits: a report's slot is not an import's");
            holder.rollback();
        }

        for (int i = 0; i < IMPORT_SLOTS; i++) {
            long id = imports.get(i);
            var vendor = vendors.get(i);
            JsonObject done = Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get("/imports/" + id)), JobStatus::ended);
            assertEquals("COMPLETED", done.getString("status"), done.toString());
        }
        JsonObject done = Poll.until(Duration.ofSeconds(60), () -> Http.json(waiting.get("/imports/" + extra)), JobStatus::ended);
        assertEquals("COMPLETED", done.getString("status"), "the queued import ran once a slot freed: " + done);
        assertNotEquals(extra, done.getJsonNumber("execution_id").longValue(), "it ran in a later execution of the same import");
        assertEquals("2", TestData.queryString("SELECT count(*) FROM products WHERE vendor_id = ?", waiting.vendorId));
    }

    /**
     * An API-only server (port offset 1300, database orion_capacity, ORION_BATCH_ENABLED=false) accepts an import
     * and a report and runs neither: both wait QUEUED for a server that runs batch work, and it says so at start.
     */
    @Test
    void anApiOnlyServerQueuesWhatItStartsForTheBatchServers() throws Exception {
        FreshTestDatabase.main(new String[] {API_ONLY_DB, "redis://127.0.0.1:6379/13"});
        var smtp = new GreenMail(new ServerSetup(3025 + API_ONLY_OFFSET, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String base = System.getProperty("orion.server.base");
        var orion = new StandaloneOrion(Path.of(base + "-capacity"), Map.of(
                "ORION_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + API_ONLY_DB,
                "ORION_REDIS_URL", "redis://127.0.0.1:6379/13",
                "ORION_SMTP_PORT", String.valueOf(3025 + API_ONLY_OFFSET),
                "ORION_DEMO_DATA", "false",
                "ORION_BATCH_ENABLED", "false",
                "ORION_BATCH_THREADS", "2",
                "ORION_STORAGE_DIR", base + "-capacity-storage"), API_ONLY_OFFSET);
        try {
            orion.start();
            long vendor = Long.parseLong(TestData.queryIn(API_ONLY_DB,
                    "INSERT INTO vendors (code, name) VALUES ('api-only', 'API only') RETURNING id"));
            String hash = new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(6, "ao-secret".toCharArray()), StandardCharsets.US_ASCII);
            TestData.queryIn(API_ONLY_DB, "INSERT INTO api_clients (client_id, name, secret_hash, role, vendor_id) VALUES ('ao-vendor',"
                    + " 'api only', '" + hash + "', 'vendor', " + vendor + ") RETURNING id");
            var http = Http.plain();
            String token = Http.json(http.postForm(orion.url() + "/api/v1/auth/token", Map.of("grant_type", "client_credentials",
                    "client_id", "ao-vendor", "client_secret", "ao-secret"))).getString("access_token");
            var started = http.send(HttpRequest.newBuilder(URI.create(orion.url() + "/api/v1/imports")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "text/tab-separated-values").POST(HttpRequest.BodyPublishers.ofByteArray(FEED)));
            assertEquals(202, started.statusCode(), started.body());
            String importUrl = orion.url() + "/api/v1/imports/" + Http.json(started).getJsonNumber("id").longValue();
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            var requested = http.send(HttpRequest.newBuilder(URI.create(orion.url() + "/api/v1/reports/sales"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"from\": \"" + today + "\", \"to\": \"" + today + "\", \"format\": \"csv\"}")));
            assertEquals(202, requested.statusCode(), requested.body());
            String reportUrl = requested.headers().firstValue("Location").orElseThrow();

            for (String url : List.of(importUrl, reportUrl)) {
                JsonObject status = Poll.until(Duration.ofSeconds(30), () -> Http.json(http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token))), s -> !List.of("STARTING", "STARTED").contains(s.getString("status")));
                assertEquals("QUEUED", status.getString("status"), url + " on an API-only server: " + status);
            }
            Thread.sleep(3000); // longer than a batch server's look at the queue (2 s): nothing here picks the work up
            assertEquals("QUEUED", Http.json(http.send(HttpRequest.newBuilder(URI.create(importUrl))
                    .header("Authorization", "Bearer " + token))).getString("status"));
            assertEquals("0", TestData.queryIn(API_ONLY_DB, "SELECT count(*) FROM products"), "the import did not run here");
            String log = Files.readString(orion.serverLog());
            assertTrue(log.contains("this server runs no batch work"), "the server says it is API-only");
        } finally {
            orion.stop();
            smtp.stop();
        }
    }

    private static long startImport(ApiSession vendor) {
        var response = vendor.post("/imports", "text/tab-separated-values", FEED);
        assertEquals(202, response.statusCode(), response.body());
        return Http.json(response).getJsonNumber("id").longValue();
    }
}
