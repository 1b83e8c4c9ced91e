package dev.orion.operations.housekeeping;

import dev.orion.platform.scheduling.ScheduledTask;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The {@code housekeeping} task: each capability removes its data past retention (sent emails, schedule runs, finished jobs, import issues, the audit log,
 * password reset links, idempotency keys; see {@link Housekeeping}). Sessions expire in the servlet container, rate-limit windows in Redis (TTL).
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
