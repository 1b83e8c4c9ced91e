package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
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
        JsonObject body = Http.json(Http.plain().get(READY));
        return body.getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
    }

    @Test
    void readinessNamesEachDependencyAndFollowsTheSmtpServerDownAndUp() {
        var smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.start();
        try {
            Map<String, String> up = Poll.until(Duration.ofSeconds(20), HealthIT::checks, c -> !c.containsValue("DOWN"));
            for (String dependency : List.of("postgresql", "redis", "jms", "storage", "smtp")) {
                assertEquals("UP", up.get(dependency), dependency + " in " + up);
            }
            assertEquals(200, Http.plain().get(READY).statusCode());
        } finally {
            smtp.stop();
        }

        var down = Poll.until(Duration.ofSeconds(20), HealthIT::checks, c -> "DOWN".equals(c.get("smtp")));
        assertEquals("UP", down.get("postgresql"));
        assertEquals(503, Http.plain().get(READY).statusCode());

        var again = new GreenMail(ServerSetupTest.SMTP);
        again.start();
        try {
            Poll.until(Duration.ofSeconds(20), HealthIT::checks, c -> "UP".equals(c.get("smtp")));
            assertEquals(200, Http.plain().get(READY).statusCode());
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
