package dev.orion.identity.console;

import dev.orion.platform.audit.Actor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** The signed-in console user as the audit log records them: email, "console-user" and the client address. */
@RequestScoped
public class ConsoleActor {

    @Inject
    CurrentUser user;

    @Inject
    HttpServletRequest request;

    public Actor get() {
        return new Actor(user.getEmail(), "console-user", request.getRemoteAddr());
    }
}
