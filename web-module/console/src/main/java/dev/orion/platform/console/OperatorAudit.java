package dev.orion.platform.console;

import dev.orion.platform.audit.AuditLog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Records what a console user changed on the operations pages in the audit log, as the API does for its clients. */
@RequestScoped
public class OperatorAudit {

    @Inject
    AuditLog audit;

    @Inject
    ConsoleCaller user;

    public void record(String action, String entityType, Object entityId, String details) {
        audit.record(ConsoleActor.of(user), null, action, entityType, entityId, details);
    }
}
