package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiClients;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class RateLimitIT extends OrionDeployment {

    @Test
    void everyAnswerCarriesTheBudget() {
        var api = ApiSession.newVendor("budget");
        var response = api.get("/products");
        assertEquals(200, response.statusCode());
        assertEquals("40", response.headers().firstValue("RateLimit-Limit").orElseThrow());
        assertTrue(Integer.parseInt(response.headers().firstValue("RateLimit-Remaining").orElseThrow()) < 40);
        assertTrue(response.headers().firstValue("RateLimit-Reset").isPresent());
    }

    @Test
    void whileRedisDoesNotAnswerEachNodeKeepsLimitingOnItsOwn() throws Exception {
        // plan "slow" (ORION_RATE_PLAN_SLOW=1/30): 30 requests per 30 s window
        String token = clientToken("slow");
        for (int i = 0; i < 30; i++) {
            assertEquals(200, products(token).statusCode());
        }
        assertEquals(429, products(token).statusCode(), "the shared budget in Redis is used up for 30 s");
        pauseRedis(6_000); // every Redis client, Orion's too, now waits for an answer

        var response = products(token);

        assertEquals(200, response.statusCode(), "served on this node's own budget: " + response.body());
        assertEquals("29", response.headers().firstValue("RateLimit-Remaining").orElseThrow());
        awaitRedis(); // leave Redis answering for the tests that follow
    }

    /** A PING is answered only once the pause is over. */
    private static void awaitRedis() throws java.io.IOException {
        try (var socket = new java.net.Socket("127.0.0.1", 6379)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write("*1\r\n$4\r\nPING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals("+PONG", new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine());
        }
    }

    /** The build gives plan "tiny" 1 request/s with bursts of 3 (ORION_RATE_PLAN_TINY=1/3). */
    private static String tinyClientToken() {
        return clientToken("tiny");
    }

    private static String clientToken(String plan) {
        String code = TestData.unique(plan);
        long vendorId = TestData.vendor(code);
        TestData.apiClient(code + "-api", "secret", vendorId);
        TestData.queryString("UPDATE api_clients SET rate_plan = ? WHERE client_id = ? RETURNING id", plan, code + "-api");
        return ApiClients.token(code + "-api", "secret");
    }

    private static java.net.http.HttpResponse<String> products(String token) {
        return Http.plain().get(Http.BASE + "/api/v1/products", "Authorization", ApiClients.bearer(token));
    }

    private static void pauseRedis(int millis) throws java.io.IOException {
        try (var socket = new java.net.Socket("127.0.0.1", 6379)) {
            String ms = Integer.toString(millis);
            socket.getOutputStream().write(("*3\r\n$6\r\nCLIENT\r\n$5\r\nPAUSE\r\n$" + ms.length() + "\r\n" + ms + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String reply = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine();
            assertEquals("+OK", reply);
        }
    }

    @Test
    void overTheBudgetIs429WithRetryAfter() {
        String token = tinyClientToken();
        List<Integer> statuses = new ArrayList<>();
        java.net.http.HttpResponse<String> last = null;
        for (int i = 0; i < 4; i++) {
            last = products(token);
            statuses.add(last.statusCode());
        }

        assertEquals(List.of(200, 200, 200, 429), statuses);
        assertEquals("application/problem+json", ApiSession.contentType(last));
        assertTrue(Integer.parseInt(last.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertEquals("0", last.headers().firstValue("RateLimit-Remaining").orElseThrow());
    }
}
