package dev.orion.platform.console;

import dev.orion.platform.persistence.DatabaseUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The console's "temporarily unavailable" page, answered with 503 and {@code Retry-After} while the database is
 * out. Written by hand rather than rendered by Faces: a Facelets page would reach for beans that need the very
 * database that is missing. It reloads itself, so the user is back where they were once the database answers.
 */
final class UnavailablePage {

    private static final Set<String> LANGUAGES = Set.of("en", "fr", "de");

    private UnavailablePage() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale asked = request.getLocale();
        Locale locale = Locale.forLanguageTag(asked != null && LANGUAGES.contains(asked.getLanguage()) ? asked.getLanguage() : "en");
        ResourceBundle messages = ResourceBundle.getBundle("dev.orion.console.messages", locale);
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(DatabaseUnavailableException.RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        String title = escape(messages.getString("unavailable.title"));
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                + "<meta http-equiv=\"refresh\" content=\"" + 3 * DatabaseUnavailableException.RETRY_AFTER_SECONDS + "\"/>"
                + "<title>Orion · " + title + "</title></head>"
                + "<body style=\"font-family: sans-serif; margin: 4em auto; max-width: 36em; padding: 0 1em\">"
                + "<main id=\"unavailable-page\"><h1>" + title + "</h1>"
                + "<p>" + escape(messages.getString("unavailable.text")) + "</p>"
                + "<p><a href=\"\">" + escape(messages.getString("unavailable.retry")) + "</a></p></main></body></html>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
