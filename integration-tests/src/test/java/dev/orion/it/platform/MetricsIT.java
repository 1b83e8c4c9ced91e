package dev.orion.it.platform;

import static dev.orion.it.support.OutboxEmails.confirmOrderFor;
import static dev.orion.it.support.OutboxEmails.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.Metrics;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonValue;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an operator sees in Prometheus: each series moves when the thing it counts happens. */
@ExtendWith(ArquillianExtension.class)
class MetricsIT extends OrionDeployment {

    private static final String REQUESTS = "orion_http_requests_seconds_count";
    private static final String BUCKETS = "orion_http_requests_latency_total";

    @Test
    void apiRequestsAreCountedByResourceTemplateAndStatusWithHistogramBuckets() {
        var vendor = ApiSession.newVendor("metrics");
        TestData.product(vendor.vendorId, "MET-1", "Metered Mug", "9.90");
        String[] route = {"route", "/api/v1/products/{sku}", "status", "200", "method", "GET"};
        var before = Metrics.scrape();

        assertEquals(200, vendor.get("/products/MET-1").statusCode());
        assertEquals(200, vendor.get("/products/MET-1").statusCode());
        assertEquals(404, vendor.get("/no-such-resource/12345").statusCode());

        var after = Metrics.scrape();
        assertEquals(before.sum(REQUESTS, route) + 2, after.sum(REQUESTS, route), after.lines("orion_http_requests_seconds_count"));
        assertEquals(before.sum(BUCKETS, append(route, "le", "+Inf")) + 2, after.sum(BUCKETS, append(route, "le", "+Inf")));
        assertTrue(after.matching(BUCKETS, route).size() > 5, "latency buckets for histogram_quantile: " + after.lines(BUCKETS));
        assertEquals(before.sum(REQUESTS, "route", "/api/*", "status", "404") + 1, after.sum(REQUESTS, "route", "/api/*", "status", "404"));
        assertFalse(after.all().stream().anyMatch(s -> s.labels().getOrDefault("route", "").contains("MET-1")
                || s.labels().getOrDefault("route", "").contains("12345")), "raw paths never become labels");
    }

    @Test
    void consoleRequestsAreLabelledByPage() {
        String[] login = {"route", "/console/login", "method", "GET"};
        var before = Metrics.scrape();

        Http.plain().get(Http.BASE + "/console/login");
        Http.plain().get(Http.BASE + "/console/login");

        assertEquals(before.sum(REQUESTS, login) + 2, Metrics.scrape().sum(REQUESTS, login));
    }

    @Test
    void aRefusedEmailRaisesTheFailedCounterAndADeliveredOneTheSentCounter() {
        var smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.start();
        try {
            var vendor = ApiSession.newVendor("metmail");
            var before = Metrics.scrape();

            long refused = confirmOrderFor(vendor, "no such person@example.com");
            long delivered = confirmOrderFor(vendor, TestData.unique("metmail") + "@example.com");
            Poll.until(Duration.ofSeconds(30), () -> status(refused), "FAILED"::equals);
            Poll.until(Duration.ofSeconds(30), () -> status(delivered), "SENT"::equals);

            var after = Metrics.scrape();
            assertEquals(before.sum("orion_emails_failed_total", "reason", "refused") + 1,
                    after.sum("orion_emails_failed_total", "reason", "refused"), after.lines("orion_emails"));
            assertTrue(after.sum("orion_emails_sent_total") >= before.sum("orion_emails_sent_total") + 1, after.lines("orion_emails"));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void emailsWaitingWhileSmtpIsDownShowInTheQueueDepthAndThenAsDeadLetters() {
        var vendor = ApiSession.newVendor("metqueue");
        String[] emails = {"name", "emails", "type", "jms-queue"};
        String[] deadLetters = {"name", "emails.DLQ", "type", "jms-queue"};
        double deadBefore = Metrics.scrape().sum("messaging_activemq_messages_added_total", deadLetters);
        assertFalse(listening(3025), "this test needs the SMTP port free (something else listens on 3025)");

        for (int i = 0; i < 3; i++) {
            confirmOrderFor(vendor, TestData.unique("metqueue") + "@example.com");
        }

        Poll.until(Duration.ofSeconds(10), () -> Metrics.scrape().sum("messaging_activemq_message_count", emails), depth -> depth >= 3);
        // the gauge is re-read every second here (ORION_EMAILS_BACKLOG_REFRESH_SECONDS=1; 15 s by default), while the
        // four attempts take about 7 s: the waiting emails' age shows before they become dead letters
        Poll.until(Duration.ofSeconds(40), () -> Metrics.scrape().sum("orion_emails_backlog_age_seconds"), age -> age >= 1);
        double dead = Poll.until(Duration.ofSeconds(60), () -> Metrics.scrape().sum("messaging_activemq_messages_added_total", deadLetters),
                count -> count >= deadBefore + 3);
        assertEquals(deadBefore + 3, dead, "each email that failed every attempt is one dead letter");
    }

    @Test
    void aJobRunShowsInTheJobMetrics() {
        var vendor = ApiSession.newVendor("metjob");
        String feed = "id\ttitle\tprice\tavailability\nA-1\tOne\t1.00 EUR\tin_stock\nA-2\tTwo\t2.00 EUR\tin_stock\nA-3\tThree\t3.00 EUR\tin_stock\n";
        String[] job = {"job", "product-import"};
        var before = Metrics.scrape();

        var accepted = vendor.send("POST", "/imports", "text/tab-separated-values", feed);
        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        var done = Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get(ApiSession.path(location))), JobStatus::ended);
        assertEquals("COMPLETED", done.getString("status"));

        var after = Poll.until(Duration.ofSeconds(10), Metrics::scrape,
                m -> m.sum("orion_job_executions_total", append(job, "status", "COMPLETED")) > before.sum("orion_job_executions_total", append(job, "status", "COMPLETED")));
        assertEquals(before.sum("orion_job_executions_total", append(job, "status", "COMPLETED")) + 1,
                after.sum("orion_job_executions_total", append(job, "status", "COMPLETED")), after.lines("orion_job"));
        assertEquals(before.sum("orion_job_rows_total", job) + 3, after.sum("orion_job_rows_total", job));
        assertEquals(before.sum("orion_job_rows_per_second_count", job) + 1, after.sum("orion_job_rows_per_second_count", job));
        assertEquals(before.sum("orion_job_duration_seconds_count", job) + 1, after.sum("orion_job_duration_seconds_count", job));
        assertEquals(0, after.sum("orion_job_running", job), "nothing is running any more");
    }

    @Test
    void scheduleFiringsAreCountedByTaskAndOutcome() {
        var platform = ApiSession.newPlatform("metsched");
        var list = Poll.until(Duration.ofSeconds(30), () -> Http.json(platform.get("/schedules")).getJsonArray("data"),
                data -> data.stream().allMatch(s -> s.asJsonObject().get("next_run_at") != JsonValue.NULL));
        long housekeeping = list.stream().map(JsonValue::asJsonObject).filter(s -> s.getString("name").equals("housekeeping"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        String[] succeeded = {"task", "housekeeping", "outcome", "SUCCEEDED"};
        double before = Metrics.scrape().sum("orion_schedule_firings_total", succeeded);
        try {
            var changed = platform.send("PUT", "/schedules/" + housekeeping, "application/json",
                    "{\"second\":\"*/2\",\"minute\":\"*\",\"hour\":\"*\",\"misfire_policy\":\"SKIP\"}");
            assertEquals(200, changed.statusCode(), changed.body());

            Poll.until(Duration.ofSeconds(20), () -> Metrics.scrape().sum("orion_schedule_firings_total", succeeded), n -> n >= before + 2);
        } finally {
            platform.send("PUT", "/schedules/" + housekeeping, "application/json",
                    "{\"second\":\"0\",\"minute\":\"*/5\",\"hour\":\"*\",\"misfire_policy\":\"SKIP\"}");
        }
    }

    @Test
    void theDatabaseAndRedisPoolsAreReported() {
        var vendor = ApiSession.newVendor("metpool");
        assertEquals(200, vendor.get("/me").statusCode()); // the rate limit takes a Redis connection

        var metrics = Metrics.scrape();
        assertEquals(1, metrics.matching("datasources_pool_in_use_count", "name", "OrionDS").size(), metrics.lines("datasources_pool_in_use"));
        assertEquals(1, metrics.matching("datasources_pool_max_used_count", "name", "OrionDS").size());
        assertTrue(metrics.sum("datasources_pool_max_used_count", "name", "OrionDS") >= 1, "the pool was used");
        assertEquals(16, metrics.sum("orion_redis_pool_max"), metrics.lines("orion_redis"));
        double open = metrics.sum("orion_redis_pool_open");
        assertTrue(open >= 1 && open <= 16, "connections open to Redis: " + metrics.lines("orion_redis"));
        double borrowed = metrics.sum("orion_redis_pool_borrowed");
        assertTrue(borrowed >= 0 && borrowed <= 16, "connections borrowed now: " + metrics.lines("orion_redis"));
    }

    @Test
    void theStorageDisksSpaceIsReported() {
        var metrics = Metrics.scrape();
        double usable = metrics.sum("orion_storage_usable_bytes");
        double total = metrics.sum("orion_storage_total_bytes");
        assertTrue(usable > 0 && total >= usable, metrics.lines("orion_storage"));
    }

    private static boolean listening(int port) {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String[] append(String[] labels, String... more) {
        var all = java.util.Arrays.copyOf(labels, labels.length + more.length);
        System.arraycopy(more, 0, all, labels.length, more.length);
        return all;
    }
}
