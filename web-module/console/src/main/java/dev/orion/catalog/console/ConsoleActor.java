package dev.orion.catalog.console;

import dev.orion.identity.console.CurrentUser;
import dev.orion.platform.audit.Actor;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** The signed-in console user as the audit log names them: email, kind and address. */
final class ConsoleActor {

    private ConsoleActor() {
    }

    static Actor current(CurrentUser user) {
        var request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        return new Actor(user.getEmail(), "console-user", request.getRemoteAddr());
    }
}
