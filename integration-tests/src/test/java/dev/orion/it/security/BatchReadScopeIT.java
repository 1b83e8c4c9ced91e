package dev.orion.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiClients;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.JobStatus;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A platform client limited to {@code batch:read} (issue 18, item 6) reads the batch monitor, but a restart is 403
 * (problem+json) and writes no audit row; it reaches no other platform operation either.
 */
@ExtendWith(ArquillianExtension.class)
class BatchReadScopeIT extends OrionDeployment {

    @Test
    void aReadOnlyClientSeesExecutionsButCannotRestartOne() {
        var vendor = ApiSession.newVendor("scope");
        byte[] feed = "id\ttitle\tprice\tavailability\nSC-1\tScope mug\t3.00 EUR\tin_stock\n".getBytes(StandardCharsets.UTF_8);
        long id = Http.json(vendor.post("/imports", "text/tab-separated-values", feed)).getJsonNumber("id").longValue();
        Poll.until(Duration.ofSeconds(60), () -> Http.json(vendor.get("/imports/" + id)), JobStatus::ended);

        String clientId = TestData.unique("watch") + "-platform";
        TestData.apiClient(clientId, "secret-" + clientId, null);
        TestData.execute("UPDATE api_clients SET scope = 'batch:read' WHERE client_id = ?", clientId);
        var answer = Http.json(Http.plain().postForm(Http.BASE + "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", "secret-" + clientId)));
        assertEquals("batch:read", answer.getString("scope"), answer.toString());
        String token = ApiClients.bearer(answer.getString("access_token"));

        var read = send("GET", "/batch/executions/" + id, token);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(id, Http.json(read).getJsonNumber("id").longValue());
        assertEquals(200, send("GET", "/batch/executions?limit=5", token).statusCode());

        var restart = send("POST", "/batch/executions/" + id + "/restart", token);
        assertEquals(403, restart.statusCode(), restart.body());
        assertTrue(restart.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), restart.headers().toString());
        JsonObject problem = Http.json(restart);
        assertEquals(403, problem.getInt("status"), problem.toString());
        assertEquals("0", TestData.queryString("SELECT count(*) FROM audit_log WHERE actor = ?", clientId),
                "a refused restart is not audited");
        assertEquals("1", TestData.queryString("SELECT count(*) FROM public.job_execution WHERE jobinstanceid ="
                + " (SELECT jobinstanceid FROM public.job_execution WHERE jobexecutionid = ?)", id), "nothing was restarted");

        assertEquals(403, send("GET", "/admin/clients", token).statusCode(), "read-only reaches no other platform operation");
    }

    private static java.net.http.HttpResponse<String> send(String method, String path, String authorization) {
        return Http.plain().send(HttpRequest.newBuilder(URI.create(Http.BASE + "/api/v1" + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", authorization));
    }
}
