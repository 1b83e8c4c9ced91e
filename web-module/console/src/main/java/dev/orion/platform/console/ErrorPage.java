package dev.orion.platform.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Map;

/**
 * The reference shown on the error page: the one the Faces handler logged (parameter {@code ref}), or, for an
 * error the container caught outside Faces, a new one logged here with that error.
 */
@Named
@RequestScoped
public class ErrorPage {

    private String reference;

    public String getReference() {
        if (reference == null) {
            Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
            String given = params.get("ref");
            if (given != null && given.matches("[0-9a-f]{10}")) {
                reference = given;
            } else {
                Map<String, Object> request = FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
                Object error = request.get("jakarta.servlet.error.exception");
                reference = error instanceof Throwable t
                        ? ErrorReferences.log(t, String.valueOf(request.get("jakarta.servlet.error.request_uri")))
                        : "-";
            }
        }
        return reference;
    }
}
