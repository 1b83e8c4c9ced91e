package dev.orion.events.application;

import dev.orion.notifications.application.EmailDeadLettered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An email the broker gave up on becomes the platform-level {@code email.dead_lettered} (no vendor), in the dead-letter
 * handler's transaction. Observed rather than called: notifications must not depend on events, which uses it.
 */
@ApplicationScoped
public class EmailEvents {

    @Inject
    EventLog events;

    void deadLettered(@Observes EmailDeadLettered dead) {
        var email = new LinkedHashMap<String, Object>();
        email.put("id", dead.outboxId());
        email.put("template", dead.template());
        email.put("error", dead.error() == null ? "" : dead.error());
        events.recordPlatform(EventTypes.EMAIL_DEAD_LETTERED, Map.of("email", email));
    }
}
