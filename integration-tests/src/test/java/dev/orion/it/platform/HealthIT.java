package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.orion.it.support.Http;
import dev.orion.it.support.Metrics;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.ServerLog;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class HealthIT extends OrionDeployment {

    private static final String READY = Http.MANAGEMENT + "/health/ready";

    private static Map<String, String> checks() {
        return readiness().getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
    }

    private static JsonObject readiness() {
        return Http.json(Http.plain().get(READY));
    }

    /** What readiness says of the SMTP relay, e.g. "UP 127.0.0.1:3025" or "DOWN Connection refused". */
    private static String smtp() {
        return readiness().getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals("optional-dependencies")).findFirst()
                .map(c -> c.getJsonObject("data").getString("smtp")).orElse("absent");
    }

    /**
     * Readiness means "send me traffic": PostgreSQL, JMS and storage are in it; the SMTP relay is not (emails wait in
     * the outbox), so a relay outage keeps the node ready while readiness, the gauge and the log say the relay is away.
     */
    @Test
    void readinessNamesEachDependencyAndStaysUpWhileTheSmtpRelayIsDown() {
        long logMark;
        var smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.start();
        try {
            Map<String, String> up = Poll.until(Duration.ofSeconds(20), HealthIT::checks, c -> !c.containsValue("DOWN"));
            for (String dependency : List.of("postgresql", "jms", "storage", "optional-dependencies")) {
                assertEquals("UP", up.get(dependency), dependency + " in " + up);
            }
            Poll.until(Duration.ofSeconds(20), HealthIT::smtp, s -> s.startsWith("UP"));
            assertTrue(readiness().toString().contains("\"redis\":\"UP"), readiness().toString());
            assertEquals(200, Http.plain().get(READY).statusCode());
            Poll.until(Duration.ofSeconds(20), () -> Metrics.scrape().sum("orion_dependency_up", "dependency", "smtp"), v -> v == 1);
            logMark = ServerLog.mark(); // the relay may have been away before this test (no test class keeps one)
        } finally {
            smtp.stop();
        }

        Poll.until(Duration.ofSeconds(20), HealthIT::smtp, s -> s.startsWith("DOWN"));
        assertEquals(200, Http.plain().get(READY).statusCode(), "still ready: the relay is not needed to serve");
        Poll.until(Duration.ofSeconds(20), () -> Metrics.scrape().sum("orion_dependency_up", "dependency", "smtp"), v -> v == 0);

        var again = new GreenMail(ServerSetupTest.SMTP);
        again.start();
        try {
            Poll.until(Duration.ofSeconds(20), HealthIT::smtp, s -> s.startsWith("UP"));
            Poll.until(Duration.ofSeconds(20), () -> Metrics.scrape().sum("orion_dependency_up", "dependency", "smtp"), v -> v == 1);
            var outage = ServerLog.messagesSince(logMark).stream().filter(m -> m.startsWith("The SMTP relay is")).toList();
            assertEquals(2, outage.size(), "one line when it went, one when it came back: " + outage);
            assertTrue(outage.get(0).startsWith("The SMTP relay is unreachable") && outage.get(1).startsWith("The SMTP relay is reachable again"),
                    outage.toString());
        } finally {
            again.stop();
        }
    }

    @Test
    void livenessIsUp() {
        var response = Http.plain().get(Http.MANAGEMENT + "/health/live");
        assertEquals(200, response.statusCode(), response.body());
    }

    /**
     * The Kubernetes startup probe (server-config/deploy/kubernetes) asks this endpoint: UP because Orion's own
     * startup check says so (without it the server answers DOWN), not merely because the server is up.
     */
    @Test
    void startupIsUpBecauseOrionIsDeployed() {
        var response = Http.plain().get(Http.MANAGEMENT + "/health/started");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = Http.json(response);
        assertEquals("UP", body.getString("status"));
        assertEquals(List.of("orion-deployed"), body.getJsonArray("checks").stream()
                .map(c -> c.asJsonObject().getString("name")).toList(), body.toString());
    }
}
