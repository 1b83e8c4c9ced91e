package dev.orion.orders.console;

import dev.orion.identity.console.CurrentUser;
import dev.orion.platform.audit.Actor;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** The signed-in console user as the audit log records them. */
final class ConsoleActor {

    private ConsoleActor() {
    }

    static Actor of(CurrentUser user) {
        var request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        return new Actor(user.getEmail(), "console-user", request.getRemoteAddr());
    }
}
