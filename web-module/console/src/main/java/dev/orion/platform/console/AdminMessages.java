package dev.orion.platform.console;

import dev.orion.platform.InvalidFieldException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Messages of the administration pages in the user's language (bundle {@code dev.orion.console.admin}): a
 * refused value goes next to its field, everything else to the growl.
 */
public final class AdminMessages {

    private static final String BUNDLE = "dev.orion.console.admin";

    private AdminMessages() {
    }

    public static String text(String key, Object... args) {
        var faces = FacesContext.getCurrentInstance();
        var bundle = ResourceBundle.getBundle(BUNDLE, faces.getViewRoot().getLocale(), Thread.currentThread().getContextClassLoader());
        return args.length == 0 ? bundle.getString(key) : new MessageFormat(bundle.getString(key), bundle.getLocale()).format(args);
    }

    public static void info(String key, Object... args) {
        // an empty detail: the growl shows the text once (a null detail would repeat the summary)
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), ""));
    }

    /**
     * Shows why a change was refused: next to {@code formId:field} when the refusal names a field, else in the
     * growl; and marks validation failed so the page's dialog stays open for the user to fix it.
     */
    public static void refused(InvalidFieldException e, String formId) {
        var faces = FacesContext.getCurrentInstance();
        String text;
        try {
            text = text(e.messageKey());
        } catch (MissingResourceException missing) {
            text = e.getMessage();
        }
        String clientId = e.field() == null ? null : formId + ":" + e.field();
        // next to a field, p:message shows the detail; in the growl, the summary alone
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, clientId == null ? "" : null));
        faces.validationFailed();
    }
}
