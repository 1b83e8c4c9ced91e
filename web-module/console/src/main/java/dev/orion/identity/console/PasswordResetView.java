package dev.orion.identity.console;

import dev.orion.identity.application.PasswordResets;
import dev.orion.platform.InvalidRequestException;
import dev.orion.platform.LogText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The "forgot password" and "choose a new password" pages; the rules are {@link PasswordResets}'. */
@Named("passwordReset")
@RequestScoped
public class PasswordResetView {

    @Inject
    PasswordResets resets;

    private String email;
    private String token;
    private String password;
    private String confirmation;
    private boolean done;

    public void requestLink() {
        var request = (jakarta.servlet.http.HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        resets.requestFrom(email, request.getRemoteAddr());
        done = true;
        info("If an account uses " + LogText.excerpt(email == null ? "" : email.strip(), 254) + ", a link to choose a new password is on its way."
                + " It works once, for 30 minutes.");
    }

    public void reset() {
        if (!password.equals(confirmation)) {
            FacesContext.getCurrentInstance().addMessage("reset:confirmation",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, "The two passwords differ", null));
            return;
        }
        try {
            resets.reset(token, password);
            done = true;
            info("Your new password is set. You can sign in with it now.");
        } catch (InvalidRequestException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    public boolean isTokenUsable() {
        return resets.isUsable(token);
    }

    public int getMinimumLength() {
        return PasswordResets.MIN_PASSWORD_LENGTH;
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    public boolean isDone() { return done; }
}
