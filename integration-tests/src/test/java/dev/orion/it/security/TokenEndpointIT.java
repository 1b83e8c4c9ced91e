package dev.orion.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.ServerLog;
import dev.orion.it.support.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The token endpoint counts a client id however the form spells it, and answers unknown ids as slowly as known ones. */
@ExtendWith(ArquillianExtension.class)
class TokenEndpointIT extends OrionDeployment {

    private static final String TOKEN = Http.BASE + "/api/v1/auth/token";

    @Test
    void anEncodedClientIdNameCountsInTheClientsBudget() {
        String clientId = TestData.unique("cl-enc");
        TestData.apiClient(clientId, "the right secret", null);
        int tooMany = 0;
        for (int i = 0; i < 15; i++) {
            var answer = Http.plain().post(TOKEN, "application/x-www-form-urlencoded",
                    "grant_type=client_credentials&client%5Fid=" + clientId + "&client_secret=wrong" + i, "X-Forwarded-For", randomIp());
            if (answer.statusCode() == 429) {
                tooMany++;
            } else {
                assertEquals(401, answer.statusCode(), answer.body());
            }
        }
        assertTrue(tooMany > 0, "client%5Fid is the same client_id: its budget (10 per 2 s) runs out");
    }

    @Test
    void anUnknownClientIdTakesAsLongAsAKnownOneWithAWrongSecret() {
        String known = TestData.unique("cl-time");
        // the production cost (12), as the console and the API create them
        TestData.execute("INSERT INTO api_clients (client_id, name, secret_hash, role) VALUES (?, ?, ?, 'platform')", known, known,
                new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(12, "the right secret".toCharArray()), StandardCharsets.US_ASCII));
        time(known, 1);
        time("cl_" + TestData.unique("nobody"), 1);
        List<Long> knownTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            knownTimes.add(time(known, 1));
            unknownTimes.add(time("cl_" + TestData.unique("nobody"), 1));
            pause(); // stays within the known client's own budget (10 per 2 s), whatever bcrypt costs here
        }
        long knownMedian = median(knownTimes);
        long unknownMedian = median(unknownTimes);
        assertTrue(unknownMedian * 2 >= knownMedian,
                "unknown id " + unknownMedian / 1_000_000 + " ms, known id with a wrong secret " + knownMedian / 1_000_000 + " ms");
    }

    @Test
    void aRefusedTokenRequestLogsOneLineWithoutAStackTrace() {
        String clientId = TestData.unique("cl-log");
        var answer = Http.plain().postForm(TOKEN, java.util.Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", "wrong"), "X-Forwarded-For", randomIp());
        assertEquals(401, answer.statusCode());
        var records = ServerLog.records();
        assertTrue(records.stream().noneMatch(r -> "ERROR".equals(r.getString("level", "")) && r.toString().contains("InvalidClientException")),
                "no ERROR with a stack trace for a refused token request");
        assertTrue(records.stream().anyMatch(r -> r.getString("message", "").contains(clientId)), "one line names the refused client");
    }

    private static long time(String clientId, int times) {
        long started = System.nanoTime();
        for (int i = 0; i < times; i++) {
            var answer = Http.plain().postForm(TOKEN, java.util.Map.of("grant_type", "client_credentials", "client_id", clientId,
                    "client_secret", "not the secret"), "X-Forwarded-For", randomIp());
            assertEquals(401, answer.statusCode(), answer.body());
        }
        return (System.nanoTime() - started) / times;
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long median(List<Long> values) {
        var sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static String randomIp() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "192.0.2." + random.nextInt(1, 255);
    }
}
