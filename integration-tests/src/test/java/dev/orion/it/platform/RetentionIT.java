package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Housekeeping deletes each kind of data once it is past its retention (the defaults of docs/configuration.md),
 * and nothing younger: job executions with their steps and partitions, import issues, sent emails, schedule runs,
 * the audit log and idempotency keys. Rows are aged with SQL; the run is asked for on demand.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT extends OrionDeployment {

    @Test
    void eachKindGoesAtItsAgeAndNothingYounger() {
        ApiSession platform = ApiSession.newPlatform("retention");
        long vendorId = TestData.vendor(TestData.unique("rt"));
        String tag = TestData.unique("retention");

        // job executions (default 30 days): an ended old one goes with its steps, partitions and instance; an ended
        // young one and a running old one stay
        long oldJob = jobInstance(tag, "COMPLETED", "now() - interval '31 days'");
        long youngJob = jobInstance(tag, "FAILED", "now() - interval '29 days'");
        long runningJob = jobInstance(tag, "STARTED", null);
        TestData.execute("UPDATE public.job_execution SET createtime = now() - interval '60 days', starttime = now() - interval '60 days'"
                + " WHERE jobinstanceid = ?", runningJob);

        // import issues (default 30 days)
        TestData.execute("INSERT INTO import_issues (job_instance_id, vendor_id, line_no, reason, severity, created_at)"
                + " VALUES (?, ?, 1, 'old', 'rejected', now() - interval '31 days'), (?, ?, 2, 'young', 'warning', now() - interval '29 days')",
                youngJob, vendorId, youngJob, vendorId);

        // sent emails (default 30 days); a failed one, however old, stays
        TestData.execute("INSERT INTO email_outbox (dedupe_key, template, locale, recipient, status, created_at) VALUES"
                + " (?, 'x', 'en', 'a@example.com', 'SENT', now() - interval '31 days'),"
                + " (?, 'x', 'en', 'a@example.com', 'SENT', now() - interval '29 days'),"
                + " (?, 'x', 'en', 'a@example.com', 'FAILED', now() - interval '90 days')", tag + "-old", tag + "-young", tag + "-failed");

        // audit log (default 365 days)
        TestData.execute("INSERT INTO audit_log (occurred_at, actor, actor_type, action, entity_type, entity_id) VALUES"
                + " (now() - interval '366 days', ?, 'SYSTEM', 'old', 'retention', ?),"
                + " (now() - interval '364 days', ?, 'SYSTEM', 'young', 'retention', ?)", tag, tag, tag, tag);

        // idempotency keys (24 hours after their answer): an expired answer and a claim that lapsed unanswered go;
        // a young answer and a claim still held stay
        String fingerprint = "0".repeat(64);
        TestData.execute("INSERT INTO idempotency_keys (client_id, idem_key, fingerprint, state, owner, claimed_until, status, body, expires_at) VALUES"
                + " (?, 'old', ?, 'COMPLETED', 'o', NULL, 201, ''::bytea, now() - interval '1 hour'),"
                + " (?, 'young', ?, 'COMPLETED', 'o', NULL, 201, ''::bytea, now() + interval '1 hour'),"
                + " (?, 'lapsed', ?, 'IN_FLIGHT', 'o', now() - interval '1 hour', NULL, NULL, now() - interval '1 hour'),"
                + " (?, 'held', ?, 'IN_FLIGHT', 'o', now() + interval '1 hour', NULL, NULL, now() - interval '1 hour')",
                tag, fingerprint, tag, fingerprint, tag, fingerprint, tag, fingerprint);

        long housekeeping = housekeeping(platform);
        // schedule runs (default 14 days)
        TestData.execute("INSERT INTO schedule_runs (schedule_id, trigger, node, started_at, finished_at, outcome, detail) VALUES"
                + " (?, 'MANUAL', ?, now() - interval '15 days', now() - interval '15 days', 'SUCCEEDED', 'old'),"
                + " (?, 'MANUAL', ?, now() - interval '13 days', now() - interval '13 days', 'SUCCEEDED', 'young')",
                housekeeping, tag, housekeeping, tag);

        var started = platform.send("POST", "/schedules/" + housekeeping + "/run", null, null);
        assertEquals(202, started.statusCode(), started.body());
        long runId = Http.json(started).getJsonNumber("id").longValue();
        JsonObject run = Poll.until(Duration.ofSeconds(60), () -> Http.json(platform.get("/schedules/" + housekeeping + "/runs?limit=200"))
                .getJsonArray("data").stream().map(JsonValue::asJsonObject).filter(r -> r.getJsonNumber("id").longValue() == runId)
                .findFirst().orElseThrow(), r -> !r.getString("outcome").equals("RUNNING"));
        assertEquals("SUCCEEDED", run.getString("outcome"), run.toString());

        assertEquals("0", count("public.job_instance WHERE jobinstanceid = ?", oldJob), "an old ended job goes with its instance");
        assertEquals("0", count("public.job_execution WHERE jobinstanceid = ?", oldJob));
        assertEquals("0", count("public.step_execution s JOIN public.job_execution e USING (jobexecutionid) WHERE e.jobinstanceid = ?", oldJob));
        assertEquals("1", count("public.job_execution WHERE jobinstanceid = ?", youngJob), "a younger ended job stays");
        assertEquals("1", count("public.step_execution s JOIN public.job_execution e USING (jobexecutionid) WHERE e.jobinstanceid = ?", youngJob));
        assertEquals("1", count("public.partition_execution p JOIN public.step_execution s USING (stepexecutionid)"
                + " JOIN public.job_execution e USING (jobexecutionid) WHERE e.jobinstanceid = ?", youngJob));
        assertEquals("1", count("public.job_execution WHERE jobinstanceid = ?", runningJob), "a running job is never deleted");

        assertEquals("young", TestData.queryString("SELECT string_agg(reason, ',') FROM import_issues WHERE job_instance_id = ?", youngJob));
        assertEquals(tag + "-failed," + tag + "-young", TestData.queryString(
                "SELECT string_agg(dedupe_key, ',' ORDER BY dedupe_key) FROM email_outbox WHERE dedupe_key LIKE ?", tag + "%"));
        assertEquals("young", TestData.queryString("SELECT string_agg(action, ',') FROM audit_log WHERE actor = ?", tag));
        assertEquals("young", TestData.queryString("SELECT string_agg(detail, ',') FROM schedule_runs WHERE node = ?", tag));
        assertEquals("held,young", TestData.queryString(
                "SELECT string_agg(idem_key, ',' ORDER BY idem_key) FROM idempotency_keys WHERE client_id = ?", tag));
    }

    /** A job instance with one execution (ended at {@code endedAt}, or running when null), one step and one partition. */
    private static long jobInstance(String tag, String status, String endedAt) {
        long instance = Long.parseLong(TestData.queryString(
                "INSERT INTO public.job_instance (version, jobname, applicationname) VALUES (0, ?, 'orion') RETURNING jobinstanceid", tag));
        String time = endedAt == null ? "now()" : endedAt;
        long execution = Long.parseLong(TestData.queryString("INSERT INTO public.job_execution (jobinstanceid, version, createtime, starttime,"
                + " endtime, lastupdatedtime, batchstatus, exitstatus, jobparameters) VALUES (?, 0, " + time + ", " + time + ", "
                + (endedAt == null ? "NULL" : endedAt) + ", " + time + ", ?, ?, '') RETURNING jobexecutionid", instance, status, status));
        long step = Long.parseLong(TestData.queryString("INSERT INTO public.step_execution (jobexecutionid, version, stepname, starttime,"
                + " endtime, batchstatus) VALUES (?, 0, 'step', " + time + ", " + (endedAt == null ? "NULL" : endedAt) + ", ?)"
                + " RETURNING stepexecutionid", execution, status));
        TestData.execute("INSERT INTO public.partition_execution (partitionexecutionid, stepexecutionid, version, batchstatus)"
                + " VALUES (0, ?, 0, ?)", step, status);
        return instance;
    }

    private static String count(String from, long id) {
        return TestData.queryString("SELECT count(*) FROM " + from, id);
    }

    private static long housekeeping(ApiSession platform) {
        return Http.json(platform.get("/schedules")).getJsonArray("data").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("name").equals("housekeeping")).findFirst().orElseThrow().getJsonNumber("id").longValue();
    }
}
