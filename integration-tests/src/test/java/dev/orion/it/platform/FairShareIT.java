package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.OffsetDateTime;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fair share (issue 18, item 5): a vendor runs one import at a time (ORION_IMPORT_VENDOR_LIMIT, 1). Vendor A's three
 * imports run one after the other, the waiting ones QUEUED with their place in A's line, while vendor B's import starts
 * and completes at once. The running imports are held, not timed: the test locks the one product row each of A's
 * first two feeds writes (SELECT ... FOR UPDATE), so that import's chunk waits until the test lets it go.
 */
@ExtendWith(ArquillianExtension.class)
class FairShareIT extends OrionDeployment {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aVendorsImportsRunOneAfterTheOtherWhileAnotherVendorsImportStartsAtOnce() throws Exception {
        var a = ApiSession.newVendor("fsa");
        var b = ApiSession.newVendor("fsb");
        TestData.product(a.vendorId, "FS-1", "Held one", "1.00");
        TestData.product(a.vendorId, "FS-2", "Held two", "2.00");
        try (Connection first = holding(a.vendorId, "FS-1"); Connection second = holding(a.vendorId, "FS-2")) {
            long a1 = start(a, "FS-1");
            Poll.until(WAIT, () -> TestData.queryString("SELECT batchstatus FROM public.step_execution"
                    + " WHERE jobexecutionid = ? AND stepname = 'import-rows'", a1), "STARTED"::equals);
            long a2 = start(a, "FS-2");
            JsonObject queued2 = settled(a, a2);
            assertEquals("QUEUED", queued2.getString("status"), "A's second import waits for its first: " + queued2);
            assertEquals(1, queued2.getInt("queue_position"), queued2.toString());
            long a3 = start(a, "FS-3");
            JsonObject queued3 = settled(a, a3);
            assertEquals("QUEUED", queued3.getString("status"), queued3.toString());
            assertEquals(2, queued3.getInt("queue_position"), "behind A's second import: " + queued3);

            long b1 = start(b, "FS-B");
            JsonObject doneB = Poll.until(WAIT, () -> Http.json(b.get("/imports/" + b1)), JobStatus::ended);
            assertEquals("COMPLETED", doneB.getString("status"), "another vendor's import does not wait for A's: " + doneB);
            assertEquals("STARTED", Http.json(a.get("/imports/" + a1)).getString("status"), "A's first is still held");
            assertEquals("QUEUED", Http.json(a.get("/imports/" + a2)).getString("status"));
            assertEquals("QUEUED", Http.json(a.get("/imports/" + a3)).getString("status"));

            first.rollback(); // A's first import writes its row and completes: the next in A's line starts
            JsonObject done1 = Poll.until(WAIT, () -> Http.json(a.get("/imports/" + a1)), JobStatus::ended);
            assertEquals("COMPLETED", done1.getString("status"), done1.toString());
            JsonObject running2 = Poll.until(WAIT, () -> Http.json(a.get("/imports/" + a2)), s -> "STARTED".equals(s.getString("status")));
            JsonObject waiting3 = Http.json(a.get("/imports/" + a3));
            assertEquals("QUEUED", waiting3.getString("status"), "one at a time: " + waiting3);
            assertEquals(1, waiting3.getInt("queue_position"), "A's third moved up: " + waiting3);
            assertFalse(running2.containsKey("queue_position"), running2.toString());
            second.rollback();
        }
        JsonObject done2 = Poll.until(WAIT, () -> Http.json(a.get("/imports/" + idOf("FS-2"))), JobStatus::ended);
        JsonObject done3 = Poll.until(WAIT, () -> Http.json(a.get("/imports/" + idOf("FS-3"))), JobStatus::ended);
        assertEquals("COMPLETED", done2.getString("status"), done2.toString());
        assertEquals("COMPLETED", done3.getString("status"), "a queued import runs once its vendor's previous one ended: " + done3);
        assertTrue(!time(done3, "started_at").isBefore(time(done2, "ended_at")), "A's third started after its second ended: " + done2 + " " + done3);
        assertEquals("3", TestData.queryString("SELECT count(*) FROM products WHERE vendor_id = ?", a.vendorId));
    }

    /** A transaction that holds the product row, so the import that writes it waits in its chunk. */
    private static Connection holding(long vendorId, String sku) throws Exception {
        Connection connection = TestData.connect();
        connection.setAutoCommit(false);
        try (var lock = connection.prepareStatement("SELECT id FROM products WHERE vendor_id = ? AND sku = ? FOR UPDATE")) {
            lock.setLong(1, vendorId);
            lock.setString(2, sku);
            lock.executeQuery().close();
        }
        return connection;
    }

    private final java.util.Map<String, Long> started = new java.util.HashMap<>();

    private long start(ApiSession vendor, String sku) {
        byte[] feed = ("id\ttitle\tprice\tavailability\n" + sku + "\tFair share " + sku + "\t5.00 EUR\tin_stock\n")
                .getBytes(StandardCharsets.UTF_8);
        var response = vendor.post("/imports", "text/tab-separated-values", feed);
        assertEquals(202, response.statusCode(), response.body());
        long id = Http.json(response).getJsonNumber("id").longValue();
        started.put(sku, id);
        return id;
    }

    private long idOf(String sku) {
        return started.get(sku);
    }

    /** The import once its admission step has decided: running, or waiting in the line. */
    private static JsonObject settled(ApiSession vendor, long id) {
        return Poll.until(WAIT, () -> Http.json(vendor.get("/imports/" + id)),
                s -> !"STARTING".equals(s.getString("status")) && !("STARTED".equals(s.getString("status")) && !admitted(id)));
    }

    private static boolean admitted(long executionId) {
        String status = TestData.queryString("SELECT exitstatus FROM public.step_execution WHERE jobexecutionid = ?"
                + " AND stepname = 'import-admission'", executionId);
        return status != null && status.startsWith("ADMITTED");
    }

    private static OffsetDateTime time(JsonObject status, String field) {
        return OffsetDateTime.parse(status.getString(field));
    }
}
