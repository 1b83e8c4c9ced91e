package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Schedules are data: changed, paused, resumed and run at once through the API, on persistent EJB timers. */
@ExtendWith(ArquillianExtension.class)
class SchedulesIT extends OrionDeployment {

    private static final String EVERY_TWO_SECONDS = "{\"second\":\"*/2\",\"minute\":\"*\",\"hour\":\"*\",\"misfire_policy\":\"%s\"}";
    private static final String EVERY_FIVE_MINUTES = "{\"second\":\"0\",\"minute\":\"*/5\",\"hour\":\"*\",\"misfire_policy\":\"SKIP\"}";

    private ApiSession platform;
    private long housekeeping;

    @BeforeEach
    void findHousekeeping() {
        platform = ApiSession.newPlatform("sched");
        var list = Poll.until(Duration.ofSeconds(30), () -> Http.json(platform.get("/schedules")).getJsonArray("data"),
                data -> data.stream().allMatch(s -> s.asJsonObject().get("next_run_at") != JsonValue.NULL));
        housekeeping = list.stream().map(JsonValue::asJsonObject).filter(s -> s.getString("name").equals("housekeeping"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    @AfterEach
    void restoreHousekeeping() {
        platform.send("PUT", "/schedules/" + housekeeping, "application/json", EVERY_FIVE_MINUTES);
    }

    @Test
    void theSeededSchedulesHaveOnePersistentTimerEachInTheDatabase() {
        var names = Http.json(platform.get("/schedules")).getJsonArray("data").stream()
                .map(s -> s.asJsonObject().getString("name")).filter(name -> !name.startsWith(FEED_SYNC)).toList();
        assertEquals(List.of("alert-evaluation", "housekeeping", "marketplace-order-import", "nightly-sales-reports", "subscription-renewal"), names);
        assertEquals(5 + feedSyncTimers(), timers());
        assertEquals(403, ApiSession.newVendor("nosched").get("/schedules").statusCode(), "platform clients only");
    }

    @Test
    void aChangedExpressionTakesEffectWithoutRedeployAndPauseStopsTheFirings() throws Exception {
        var changed = platform.send("PUT", "/schedules/" + housekeeping, "application/json", EVERY_TWO_SECONDS.formatted("SKIP"));
        assertEquals(200, changed.statusCode(), changed.body());
        OffsetDateTime next = OffsetDateTime.parse(Http.json(changed).getString("next_run_at"));
        assertTrue(next.isBefore(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3)), "fires within two seconds: " + next);

        Poll.until(Duration.ofSeconds(20), () -> succeededTimerRuns(), n -> n >= 2);
        assertEquals(5 + feedSyncTimers(), timers(), "the old timer was replaced, not added to");

        var paused = Http.json(platform.send("POST", "/schedules/" + housekeeping + "/pause", null, null));
        assertFalse(paused.getBoolean("enabled"));
        Thread.sleep(1000);
        long before = succeededTimerRuns();
        Thread.sleep(5000);
        assertEquals(before, succeededTimerRuns(), "a paused schedule does not fire");

        platform.send("POST", "/schedules/" + housekeeping + "/resume", null, null);
        Poll.until(Duration.ofSeconds(20), () -> succeededTimerRuns(), n -> n > before);
    }

    @Test
    void aRunNeverOverlapsThePreviousOneOnTimerOrOnDemand() throws Exception {
        platform.send("POST", "/schedules/" + housekeeping + "/pause", null, null);
        long runId;
        try (Connection blocker = TestData.connect()) {
            blocker.setAutoCommit(false);
            // housekeeping deletes expired reset links: while this lock is held, its run cannot finish
            blocker.createStatement().execute("LOCK TABLE orion.password_reset_tokens IN ACCESS EXCLUSIVE MODE");
            var started = platform.send("POST", "/schedules/" + housekeeping + "/run", null, null);
            assertEquals(202, started.statusCode(), started.body());
            runId = Http.json(started).getJsonNumber("id").longValue();

            var busy = platform.send("POST", "/schedules/" + housekeeping + "/run", null, null);
            assertEquals(409, busy.statusCode(), "a second run on demand waits for the first: " + busy.body());
            platform.send("PUT", "/schedules/" + housekeeping, "application/json", EVERY_TWO_SECONDS.formatted("RUN_ONCE"));
            Poll.until(Duration.ofSeconds(20), () -> count("outcome = 'SKIPPED' AND detail LIKE '%still going%'"), n -> n >= 1);
            assertEquals(1, count("outcome = 'RUNNING'"), "the timer's firings were skipped, not run beside it");
            blocker.rollback();
        }
        JsonObject run = Poll.until(Duration.ofSeconds(20), () -> runById(runId), r -> !r.getString("outcome").equals("RUNNING"));
        assertEquals("SUCCEEDED", run.getString("outcome"), run.toString());
        assertEquals("MANUAL", run.getString("trigger"));
        assertTrue(run.getString("detail").startsWith("removed "), run.toString());
        Poll.until(Duration.ofSeconds(20), () -> succeededTimerRuns(), n -> n >= 1);
    }

    /**
     * A server killed in the middle of a run and never started again under its name (a replaced pod) leaves its
     * membership row going silent and its run RUNNING. Written here as those rows, an hour old: the heartbeat of this
     * server takes it for dead and fails the run, so the schedule runs again instead of skipping forever.
     */
    @Test
    void aRunLeftRunningByAServerThatDiedIsFailedSoTheScheduleRunsAgain() {
        platform.send("POST", "/schedules/" + housekeeping + "/pause", null, null);
        try {
            String ghost = TestData.unique("replaced-pod");
            TestData.execute("INSERT INTO cluster_nodes (name, started_at, last_seen) VALUES (?, now() - interval '2 hours', now() - interval '1 hour')",
                    ghost);
            long runId = Long.parseLong(TestData.queryString("INSERT INTO schedule_runs (schedule_id, trigger, node, started_at, outcome)"
                    + " VALUES (?, 'TIMER', ?, now() - interval '1 hour', 'RUNNING') RETURNING id", housekeeping, ghost));

            JsonObject failed = Poll.until(Duration.ofSeconds(40), () -> runById(runId), r -> !r.getString("outcome").equals("RUNNING"));
            assertEquals("FAILED", failed.getString("outcome"), failed.toString());
            assertTrue(failed.getString("detail").contains(ghost + " was taken for dead"), failed.toString());

            var started = platform.send("POST", "/schedules/" + housekeeping + "/run", null, null);
            assertEquals(202, started.statusCode(), "no longer blocked by the dead server's run: " + started.body());
            long next = Http.json(started).getJsonNumber("id").longValue();
            assertEquals("SUCCEEDED", Poll.until(Duration.ofSeconds(20), () -> runById(next), r -> !r.getString("outcome").equals("RUNNING"))
                    .getString("outcome"));
        } finally {
            platform.send("POST", "/schedules/" + housekeeping + "/resume", null, null);
        }
    }

    @Test
    void aFiringMissedWhileNoServerWasUpIsSkippedOrRunAsThePolicySays() {
        platform.send("PUT", "/schedules/" + housekeeping, "application/json", EVERY_TWO_SECONDS.formatted("SKIP"));
        Poll.until(Duration.ofSeconds(20), () -> succeededTimerRuns(), n -> n >= 1);
        // as if the server had been down when the schedule was due: the firing comes ten minutes late
        TestData.execute("UPDATE schedules SET next_run_at = now() - interval '10 minutes' WHERE id = ?", housekeeping);
        Poll.until(Duration.ofSeconds(20), () -> count("outcome = 'SKIPPED' AND detail LIKE 'Missed its time%'"), n -> n == 1);

        platform.send("PUT", "/schedules/" + housekeeping, "application/json", EVERY_TWO_SECONDS.formatted("RUN_ONCE"));
        long before = succeededTimerRuns();
        TestData.execute("UPDATE schedules SET next_run_at = now() - interval '10 minutes' WHERE id = ?", housekeeping);
        Poll.until(Duration.ofSeconds(20), () -> succeededTimerRuns(), n -> n > before);
        assertEquals(1, count("outcome = 'SKIPPED' AND detail LIKE 'Missed its time%'"), "RUN_ONCE runs the late firing");
    }

    @Test
    void invalidSettingsAreClearProblemsAndThePreviewShowsTheNextFiveTimes() {
        var badHour = platform.send("PUT", "/schedules/" + housekeeping, "application/json", "{\"hour\":\"25\"}");
        assertEquals(400, badHour.statusCode(), badHour.body());
        assertTrue(Http.json(badHour).getString("detail").startsWith("Invalid calendar expression"), badHour.body());
        var badZone = platform.send("PUT", "/schedules/" + housekeeping, "application/json", "{\"time_zone\":\"Mars/Olympus\"}");
        assertEquals(400, badZone.statusCode(), badZone.body());
        assertTrue(Http.json(badZone).getString("detail").contains("Mars/Olympus"), badZone.body());

        var preview = platform.send("POST", "/schedules/preview", "application/json",
                "{\"minute\":\"30\",\"hour\":\"9\",\"day_of_week\":\"Mon-Fri\",\"time_zone\":\"Europe/Paris\"}");
        assertEquals(200, preview.statusCode(), preview.body());
        var times = Http.json(preview).getJsonArray("next").stream()
                .map(t -> OffsetDateTime.parse(((jakarta.json.JsonString) t).getString()).atZoneSameInstant(java.time.ZoneId.of("Europe/Paris"))).toList();
        assertEquals(5, times.size());
        assertTrue(times.stream().allMatch(t -> t.getHour() == 9 && t.getMinute() == 30 && t.getDayOfWeek().getValue() <= 5), times.toString());
    }

    private long succeededTimerRuns() {
        return count("outcome = 'SUCCEEDED' AND trigger = 'TIMER'");
    }

    private long count(String condition) {
        return Long.parseLong(TestData.queryString("SELECT count(*) FROM schedule_runs WHERE schedule_id = ? AND " + condition, housekeeping));
    }

    private JsonObject runById(long runId) {
        return Http.json(platform.get("/schedules/" + housekeeping + "/runs?limit=200")).getJsonArray("data").stream()
                .map(JsonValue::asJsonObject).filter(r -> r.getJsonNumber("id").longValue() == runId).findFirst().orElseThrow();
    }

    /** Vendors' feed syncs (FeedSyncIT) are schedules too, one timer each while not paused. */
    private static final String FEED_SYNC = "product-feed-sync:";

    private static long feedSyncTimers() {
        return Long.parseLong(TestData.queryString("SELECT count(*) FROM schedules WHERE name LIKE 'product-feed-sync:%' AND enabled"));
    }

    private static long timers() {
        return Long.parseLong(TestData.queryString("SELECT count(*) FROM jboss_ejb_timer WHERE partition_name = 'orion'"));
    }
}
