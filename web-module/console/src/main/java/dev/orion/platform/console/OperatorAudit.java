package dev.orion.platform.console;

import dev.orion.identity.console.CurrentUser;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** Records what a console user changed on the operations pages in the audit log, as the API does for its clients. */
@RequestScoped
public class OperatorAudit {

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    HttpServletRequest request;

    public void record(String action, String entityType, Object entityId, String details) {
        audit.record(new Actor(user.getEmail(), "console-user", request.getRemoteAddr()), null, action, entityType, entityId, details);
    }
}
