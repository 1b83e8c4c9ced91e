package dev.orion.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The embedded Artemis broker answers and the emails queue can be browsed. */
@Readiness
@ApplicationScoped
public class MessagingReadinessCheck implements HealthCheck {

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/queue/emails")
    Queue emails;

    @Override
    public HealthCheckResponse call() {
        return Probe.run("jms", () -> {
            try (JMSContext context = connectionFactory.createContext()) {
                var browser = context.createBrowser(emails);
                var messages = browser.getEnumeration();
                int pending = 0;
                while (messages.hasMoreElements() && pending < 1000) {
                    messages.nextElement();
                    pending++;
                }
                browser.close();
                return "emails queue, " + pending + (pending == 1000 ? "+" : "") + " pending";
            }
        });
    }
}
