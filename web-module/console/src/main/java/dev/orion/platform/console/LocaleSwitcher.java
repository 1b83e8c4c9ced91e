package dev.orion.platform.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/** The console's language for this session: the browser's if Orion speaks it, else English, until the user picks one. */
@Named
@SessionScoped
public class LocaleSwitcher implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final List<String> LANGUAGES = List.of("en", "fr", "de");

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            Locale asked = FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
            locale = Locale.forLanguageTag(asked != null && LANGUAGES.contains(asked.getLanguage()) ? asked.getLanguage() : "en");
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /** Unknown values are ignored: the parameter comes from the address bar. */
    public void setLanguage(String language) {
        if (language != null && LANGUAGES.contains(language)) {
            locale = Locale.forLanguageTag(language);
            FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
        }
    }

    public List<String> getLanguages() {
        return LANGUAGES;
    }

    /** Each language named in itself, as a switcher should show it. */
    public String nameOf(String language) {
        Locale l = Locale.forLanguageTag(language);
        String name = l.getDisplayLanguage(l);
        return name.substring(0, 1).toUpperCase(l) + name.substring(1);
    }
}
