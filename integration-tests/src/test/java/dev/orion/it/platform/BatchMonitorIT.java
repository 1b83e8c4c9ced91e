package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.JobStatus;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The batch monitor API: list, inspect, stop, restart and abandon job executions, for platform clients only. */
@ExtendWith(ArquillianExtension.class)
class BatchMonitorIT extends OrionDeployment {

    private static final int ROWS = 20_000;

    @Test
    void aStoppedImportRestartsFromItsCheckpointAndEndsWithEveryRow() {
        var vendor = ApiSession.newVendor("stop");
        var platform = ApiSession.newPlatform("ops");
        var accepted = vendor.post("/imports", "text/tab-separated-values", feed(ROWS));
        long importId = Http.json(accepted).getJsonNumber("id").longValue();

        var stop = platform.send("POST", "/batch/executions/" + importId + "/stop", null, null);
        assertEquals(202, stop.statusCode(), stop.body());
        JsonObject stopped = awaitEnd(platform, importId);
        assertEquals("STOPPED", stopped.getString("status"), stopped.toString());

        var restart = platform.send("POST", "/batch/executions/" + importId + "/restart", null, null);
        assertEquals(202, restart.statusCode(), restart.body());
        long restartedId = Http.json(restart).getJsonNumber("id").longValue();
        assertNotEquals(importId, restartedId);
        assertTrue(restart.headers().firstValue("Location").orElse("").endsWith("/batch/executions/" + restartedId));
        JsonObject done = awaitEnd(platform, restartedId);
        assertEquals("COMPLETED", done.getString("status"), done.toString());

        assertEquals(Integer.toString(ROWS), TestData.queryString("SELECT count(*) FROM products WHERE vendor_id = ?", vendor.vendorId));
        assertEquals(ROWS, stopped.getInt("rows_written") + done.getInt("rows_written"), "no row imported twice, none lost");
        JsonObject followed = Http.json(vendor.get("/imports/" + importId));
        assertEquals(restartedId, followed.getJsonNumber("execution_id").longValue(), "the import follows its newest execution");
        assertEquals("COMPLETED", followed.getString("status"));

        var steps = Http.json(platform.get("/batch/executions/" + restartedId + "/steps")).getJsonArray("data");
        assertEquals("import-admission", steps.getJsonObject(0).getString("name"), "a restart takes an import slot again");
        JsonObject step = steps.stream().map(jakarta.json.JsonValue::asJsonObject)
                .filter(s -> s.getString("name").equals("import-rows")).findFirst().orElseThrow(() -> new AssertionError(steps.toString()));
        assertEquals(done.getInt("rows_read"), step.getJsonObject("metrics").getInt("read_count"));
        assertTrue(step.getJsonObject("metrics").getInt("commit_count") > 0);
    }

    @Test
    void finishedExecutionsRefuseStopAndRestartAndCanBeAbandoned() {
        var vendor = ApiSession.newVendor("fin");
        var platform = ApiSession.newPlatform("fin");
        long id = Http.json(vendor.post("/imports", "text/tab-separated-values", feed(3))).getJsonNumber("id").longValue();
        assertEquals("COMPLETED", awaitEnd(platform, id).getString("status"));

        var stop = platform.send("POST", "/batch/executions/" + id + "/stop", null, null);
        assertEquals(409, stop.statusCode(), stop.body());
        assertEquals("application/problem+json", ApiSession.contentType(stop));
        assertEquals(409, platform.send("POST", "/batch/executions/" + id + "/restart", null, null).statusCode());

        var abandoned = platform.send("POST", "/batch/executions/" + id + "/abandon", null, null);
        assertEquals(200, abandoned.statusCode(), abandoned.body());
        assertEquals("ABANDONED", Http.json(abandoned).getString("status"));
        assertEquals(409, platform.send("POST", "/batch/executions/" + id + "/restart", null, null).statusCode());
        assertEquals(404, platform.send("POST", "/batch/executions/999999999/stop", null, null).statusCode());
    }

    @Test
    void listingFiltersByJobStatusAndDateAndPages() {
        var vendor = ApiSession.newVendor("list");
        // another vendor's: a vendor's second import would wait for its first (fair share), as a new execution
        var otherVendor = ApiSession.newVendor("list2");
        var platform = ApiSession.newPlatform("list");
        long first = Http.json(vendor.post("/imports", "text/tab-separated-values", feed(2))).getJsonNumber("id").longValue();
        long second = Http.json(otherVendor.post("/imports", "text/tab-separated-values", feed(2))).getJsonNumber("id").longValue();
        awaitEnd(platform, first);
        awaitEnd(platform, second);

        // A single execution is read through the JobOperator, which sees the end a moment before JBeret has
        // written it to the repository the listing queries: wait for the listing to catch up, not for a fixed time.
        Poll.until(Duration.ofSeconds(10),
                () -> Http.json(platform.get("/batch/executions?job_name=product-import&status=COMPLETED&limit=2")),
                listing -> listing.getJsonArray("data").stream().map(e -> e.asJsonObject().getJsonNumber("id").longValue())
                        .filter(id -> id == first || id == second).count() == 2);
        var page = Http.json(platform.get("/batch/executions?job_name=product-import&status=COMPLETED&limit=1"));
        assertEquals(1, page.getJsonArray("data").size());
        assertEquals(second, page.getJsonArray("data").getJsonObject(0).getJsonNumber("id").longValue(), "newest first");
        assertTrue(page.getBoolean("has_more"));
        var next = Http.json(platform.get("/batch/executions?job_name=product-import&status=COMPLETED&limit=1&cursor="
                + page.getString("next_cursor")));
        assertEquals(first, next.getJsonArray("data").getJsonObject(0).getJsonNumber("id").longValue());

        var future = Http.json(platform.get("/batch/executions?created_from=2999-01-01T00:00:00Z"));
        assertEquals(0, future.getJsonArray("data").size());
        var otherJob = Http.json(platform.get("/batch/executions?job_name=sales-report&limit=100"));
        assertTrue(otherJob.getJsonArray("data").stream().map(JsonValue::asJsonObject)
                .allMatch(e -> e.getString("job_name").equals("sales-report")));

        var badStatus = platform.get("/batch/executions?status=DONE");
        assertEquals(400, badStatus.statusCode());
        assertEquals(403, vendor.get("/batch/executions").statusCode(), "vendor clients do not see the batch monitor");
    }

    /**
     * An execution of a job the deployment no longer has (renamed or removed by an upgrade): WildFly's JobOperator
     * refuses to read it, which used to fail the whole listing with a 500. It is left out, and asked for alone it
     * is not found.
     */
    @Test
    void anExecutionOfAJobNoLongerDeployedDoesNotBreakTheListing() {
        var platform = ApiSession.newPlatform("retired");
        long instance = Long.parseLong(TestData.queryString("INSERT INTO public.job_instance (version, jobname, applicationname)"
                + " VALUES (0, ?, 'orion') RETURNING jobinstanceid", TestData.unique("retired-job")));
        long execution = Long.parseLong(TestData.queryString("INSERT INTO public.job_execution (jobinstanceid, version, createtime,"
                + " starttime, endtime, lastupdatedtime, batchstatus, exitstatus, jobparameters)"
                + " VALUES (?, 0, now(), now(), now(), now(), 'FAILED', 'FAILED', '') RETURNING jobexecutionid", instance));

        var listing = platform.get("/batch/executions?limit=100");
        assertEquals(200, listing.statusCode(), listing.body());
        assertTrue(Http.json(listing).getJsonArray("data").stream()
                .noneMatch(e -> e.asJsonObject().getJsonNumber("id").longValue() == execution));
        assertEquals(404, platform.get("/batch/executions/" + execution).statusCode());
        assertEquals(200, platform.get("/batch/executions?status=FAILED&limit=100").statusCode());
    }

    private static JsonObject awaitEnd(ApiSession platform, long executionId) {
        return Poll.until(Duration.ofSeconds(120), () -> Http.json(platform.get("/batch/executions/" + executionId)),
                JobStatus::ended);
    }

    private static byte[] feed(int rows) {
        var feed = new StringBuilder("id\ttitle\tprice\tavailability\n");
        for (int i = 1; i <= rows; i++) {
            feed.append("SKU-").append(i).append("\tItem ").append(i).append('\t').append(i % 100).append(".99 EUR\tin_stock\n");
        }
        return feed.toString().getBytes(StandardCharsets.UTF_8);
    }
}
