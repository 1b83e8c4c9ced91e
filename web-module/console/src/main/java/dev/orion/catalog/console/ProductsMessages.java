package dev.orion.catalog.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Growl messages of the products pages, in the user's language (bundle dev.orion.console.products). */
final class ProductsMessages {

    static final String BUNDLE = "dev.orion.console.products";

    private ProductsMessages() {
    }

    static void info(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_INFO, key, args);
    }

    static void error(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_ERROR, key, args);
    }

    /** An error shown next to one field (and in the growl). */
    static void fieldError(String clientId, String key, Object... args) {
        add(clientId, FacesMessage.SEVERITY_ERROR, key, args);
    }

    static String text(String key, Object... args) {
        var faces = FacesContext.getCurrentInstance();
        var bundle = ResourceBundle.getBundle(BUNDLE, faces.getViewRoot().getLocale());
        return new MessageFormat(bundle.getString(key), faces.getViewRoot().getLocale()).format(args);
    }

    private static void add(String clientId, FacesMessage.Severity severity, String key, Object... args) {
        String text = text(key, args);
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, ""));
    }
}
