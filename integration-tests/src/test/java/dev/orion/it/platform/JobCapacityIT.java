package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Imports and reports have capacity of their own (ORION_IMPORT_SLOTS, ORION_REPORT_SLOTS, 2 each by default): with
 * both import slots held by imports that cannot finish (the test holds a lock on the products table, so their
 * writers wait), a third import waits QUEUED while a report requested meanwhile runs at once; when the lock goes,
 * the two finish and the queued import is started in a later execution and completes. (An API-only server:
 * ApiOnlyNodeIT.)
 */
@ExtendWith(ArquillianExtension.class)
class JobCapacityIT extends OrionDeployment {

    private static final int IMPORT_SLOTS = 2;
    private static final byte[] FEED = "id\ttitle\tprice\tavailability\nCAP-1\tCapacity mug\t9.00 EUR\tin_stock\nCAP-2\tCapacity cup\t4.00 EUR\tin_stock\n"
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
            holder.createStatement().execute("LOCK TABLE products IN SHARE MODE"); // imports read, cannot write

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

    private static long startImport(ApiSession vendor) {
        var response = vendor.post("/imports", "text/tab-separated-values", FEED);
        assertEquals(202, response.statusCode(), response.body());
        return Http.json(response).getJsonNumber("id").longValue();
    }
}
