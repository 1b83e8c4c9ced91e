package dev.orion.platform.console;

import dev.orion.platform.audit.Actor;
import jakarta.faces.context.FacesContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** The signed-in console user as the audit log records them: email, "console-user" and the client address. */
@RequestScoped
public class ConsoleActor {

    @Inject
    ConsoleCaller user;

    @Inject
    HttpServletRequest request;

    public Actor get() {
        return new Actor(user.getEmail(), "console-user", request.getRemoteAddr());
    }

    /** The same, for a Faces bean that holds the current user already. */
    public static Actor of(ConsoleCaller user) {
        var request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        return new Actor(user.getEmail(), "console-user", request.getRemoteAddr());
    }
}
