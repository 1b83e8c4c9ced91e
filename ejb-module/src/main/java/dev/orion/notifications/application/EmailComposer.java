package dev.orion.notifications.application;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Renders an outbox entry with Apache FreeMarker: {@code email/<template>/subject.ftl}, {@code body.ftl} (plain
 * text) and {@code body.ftlh} (HTML, auto-escaped), each looked up for the recipient's locale first
 * ({@code body_fr.ftlh}) and English otherwise.
 */
@ApplicationScoped
public class EmailComposer {

    static final List<String> LOCALES = List.of("en", "fr", "de");

    private final Configuration freemarker = configuration();

    private static Configuration configuration() {
        var configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setClassLoaderForTemplateLoading(EmailComposer.class.getClassLoader(), "email");
        configuration.setDefaultEncoding("UTF-8");
        configuration.setLocale(Locale.ENGLISH);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        return configuration;
    }

    /** As staff may see it: every {@link SecretLink} shows as {@link SecretLink#WITHHELD}. */
    public RenderedEmail compose(String template, String locale, String modelJson) {
        return compose(template, locale, modelJson, (kind, ref) -> SecretLink.WITHHELD);
    }

    /** With each {@link SecretLink} of the model replaced by what {@code links} makes of its kind and reference. */
    public RenderedEmail compose(String template, String locale, String modelJson, BiFunction<String, Long, String> links) {
        Map<String, Object> model = asMap(Json.createReader(new StringReader(modelJson)).readObject(), links);
        Locale language = Locale.forLanguageTag(LOCALES.contains(locale) ? locale : "en");
        return new RenderedEmail(render(template + "/subject.ftl", language, model).strip(),
                render(template + "/body.ftl", language, model), render(template + "/body.ftlh", language, model));
    }

    private String render(String name, Locale locale, Map<String, Object> model) {
        try {
            var out = new StringWriter();
            freemarker.getTemplate(name, locale).process(model, out);
            return out.toString();
        } catch (TemplateNotFoundException e) {
            throw new IllegalArgumentException("Unknown email template '" + name + "'", e);
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("Email template '" + name + "' failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> asMap(JsonObject object, BiFunction<String, Long, String> links) {
        var map = new LinkedHashMap<String, Object>();
        object.forEach((name, value) -> map.put(name, plain(value, links)));
        return map;
    }

    private static Object plain(JsonValue value, BiFunction<String, Long, String> links) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case OBJECT -> value.asJsonObject().containsKey(SecretLink.KIND)
                    ? links.apply(value.asJsonObject().getString(SecretLink.KIND), value.asJsonObject().getJsonNumber(SecretLink.REF).longValue())
                    : asMap(value.asJsonObject(), links);
            case ARRAY -> value.asJsonArray().stream().map(v -> plain(v, links)).toList();
            default -> null;
        };
    }
}
