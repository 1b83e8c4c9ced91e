package dev.orion.platform.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Messages for the page's growl or next to a field, worded from a page's own bundle in the user's language. */
public final class PageMessages implements Serializable {

    private final String bundle;

    public PageMessages(String bundle) {
        this.bundle = bundle;
    }

    public String text(String key, Object... args) {
        var context = FacesContext.getCurrentInstance();
        String pattern = ResourceBundle.getBundle(bundle, context.getViewRoot().getLocale()).getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, context.getViewRoot().getLocale()).format(args);
    }

    public void info(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_INFO, text(key, args), null);
    }

    /** A refusal worded whole by the bundle (no detail), e.g. naming the state that forbids the action. */
    public void refusal(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_ERROR, text(key, args), null);
    }

    /** A refusal the user can act on: the summary from the bundle, the service's reason as detail. */
    public void error(String clientId, String key, String reason) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text(key), reason);
    }

    private static void add(String clientId, FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(clientId, message(clientId, severity, summary, detail));
    }

    /**
     * The growl shows a message's summary and then its detail, and a message without a detail answers its summary
     * for it ({@link FacesMessage#getDetail()}): a text with nothing to add would show twice. So a message for the
     * growl gets an empty detail. Next to a field, p:message shows the detail alone: there it stays unset.
     */
    static FacesMessage message(String clientId, FacesMessage.Severity severity, String summary, String detail) {
        return new FacesMessage(severity, summary, detail == null && clientId == null ? "" : detail);
    }
}
