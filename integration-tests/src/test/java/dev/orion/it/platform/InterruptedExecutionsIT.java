package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Executions a crashed server left STARTED are found when Orion starts again and marked FAILED (so they can be
 * restarted); those another server is running are left alone. The crash is staged in the job repository, the
 * start is a redeployment.
 */
@ExtendWith(ArquillianExtension.class)
class InterruptedExecutionsIT extends OrionDeployment {

    @Test
    void executionsLeftRunningByThisServerAreFailedAtStartAndOthersAreNot() throws Exception {
        var vendor = ApiSession.newVendor("crash");
        var platform = ApiSession.newPlatform("crash");
        long real = Http.json(vendor.post("/imports", "text/tab-separated-values",
                "id\ttitle\tprice\nA\tA\t1.00 EUR\n".getBytes(StandardCharsets.UTF_8))).getJsonNumber("id").longValue();
        JsonObject finished = Poll.until(Duration.ofSeconds(60), () -> Http.json(platform.get("/batch/executions/" + real)),
                e -> e.getString("status").equals("COMPLETED"));
        String node = finished.getJsonObject("parameters").getString("orion.node");

        long ours = leftRunning(real, node);
        long theirs = leftRunning(real, "another-server");

        redeploy();

        JsonObject failed = Poll.until(Duration.ofSeconds(60), () -> platform.get("/batch/executions/" + ours),
                r -> r.statusCode() == 200).body().transform(Http::json);
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        assertTrue(failed.getString("exit_status").startsWith("Interrupted"), failed.toString());
        assertEquals("FAILED", TestData.queryString("SELECT batchstatus FROM public.step_execution WHERE jobexecutionid = ?", ours));
        // WildFly asks the deployment's running executions to stop when it undeploys (STOPPING); this server
        // must not go further and fail an execution that another server is running.
        JsonObject other = Http.json(platform.get("/batch/executions/" + theirs));
        assertNotEquals("FAILED", other.getString("status"), "another server's execution is not this server's to judge");
        TestData.queryString("DELETE FROM public.job_execution WHERE jobexecutionid IN (?, ?) RETURNING 1", ours, theirs);
    }

    /** Stages what a crash leaves: an execution and its step still STARTED, with the parameters of {@code model}. */
    private static long leftRunning(long model, String node) {
        String instance = TestData.queryString("INSERT INTO public.job_instance (version, jobname, applicationname)"
                + " SELECT 1, i.jobname, i.applicationname FROM public.job_instance i JOIN public.job_execution e"
                + " ON e.jobinstanceid = i.jobinstanceid WHERE e.jobexecutionid = ? RETURNING jobinstanceid", model);
        String execution = TestData.queryString("INSERT INTO public.job_execution (jobinstanceid, version, createtime, starttime,"
                + " lastupdatedtime, batchstatus, jobparameters) SELECT ?, 1, now(), now(), now(), 'STARTED',"
                + " regexp_replace(jobparameters, 'orion\\.node = [^\\n]*', 'orion.node = ' || ?) FROM public.job_execution"
                + " WHERE jobexecutionid = ? RETURNING jobexecutionid", Long.valueOf(instance), node, model);
        TestData.queryString("INSERT INTO public.step_execution (jobexecutionid, version, stepname, starttime, batchstatus,"
                + " readcount, writecount, commitcount, rollbackcount, readskipcount, processskipcount, filtercount, writeskipcount)"
                + " VALUES (?, 1, 'import-rows', now(), 'STARTED', 0, 0, 0, 0, 0, 0, 0, 0) RETURNING stepexecutionid",
                Long.valueOf(execution));
        return Long.parseLong(execution);
    }
}
