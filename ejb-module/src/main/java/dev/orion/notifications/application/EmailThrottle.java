package dev.orion.notifications.application;

import dev.orion.platform.ratelimit.RateLimits;
import dev.orion.platform.ratelimit.RatePlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps sending under the relay's limit: {@code ORION_EMAIL_RATE} emails per second (with that many in a
 * burst), shared by every sender on every node through Redis (this node's own limit if Redis is down).
 * A sender waits its turn; one that waits too long gives the message back to the broker for later.
 */
@ApplicationScoped
public class EmailThrottle {

    private static final long MAX_WAIT_MILLIS = 20_000;

    @Inject
    RateLimits limits;

    @Inject
    @ConfigProperty(name = "orion.email.rate", defaultValue = "50")
    int perSecond;

    public void awaitTurn() {
        var plan = new RatePlan(perSecond, perSecond);
        long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
        while (!limits.acquire("email-send", plan).allowed()) {
            if (System.currentTimeMillis() > deadline) {
                throw new TransientDeliveryFailure("Email sending is throttled to " + perSecond + "/s; the message goes back to the queue", null);
            }
            try {
                Thread.sleep(Math.max(5, 1000 / perSecond));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientDeliveryFailure("Interrupted while throttled", e);
            }
        }
    }
}
