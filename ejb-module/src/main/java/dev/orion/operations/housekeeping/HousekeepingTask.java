package dev.orion.operations.housekeeping;

import dev.orion.operations.scheduling.ScheduledTask;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The {@code housekeeping} task: removes sent emails, schedule runs and password reset links past their
 * retention. Sessions expire in the servlet container, idempotency keys and rate-limit windows in Redis (TTL).
 */
@ApplicationScoped
public class HousekeepingTask implements ScheduledTask {

    @EJB
    Housekeeping housekeeping;

    @Override
    public String name() {
        return "housekeeping";
    }

    @Override
    public String run(Map<String, String> parameters) {
        return housekeeping.purgeExpired();
    }
}
