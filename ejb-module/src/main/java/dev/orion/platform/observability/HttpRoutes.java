package dev.orion.platform.observability;

import java.util.regex.Pattern;

/**
 * The route label of a request's metrics: a bounded set of names, never the raw URI (each product id would
 * be a series of its own). The API names the matched JAX-RS template; the console is labelled by page.
 */
public final class HttpRoutes {

    /** Request attribute where the API puts the matched resource template. */
    public static final String ATTRIBUTE = "dev.orion.route";

    /** A template parameter with a regular expression, {@code {id: \d+}}: compiled once, not per request. */
    private static final Pattern PARAMETER_PATTERN = Pattern.compile("\\{\\s*([^:}\\s]+)\\s*:[^}]*}");

    private HttpRoutes() {
    }

    /**
     * @param template    the matched template the API set, or null
     * @param contextPath e.g. {@code /console}
     * @param servletPath e.g. {@code /products.xhtml} or {@code /jakarta.faces.resource}
     */
    public static String of(String template, String contextPath, String servletPath, int status) {
        if (template != null) {
            return template;
        }
        if (status == 404 || servletPath == null || servletPath.isEmpty()) {
            return contextPath + "/*"; // nothing matched: any path a client makes up stays one series
        }
        if (servletPath.startsWith("/jakarta.faces.resource")) {
            return contextPath + "/jakarta.faces.resource/*";
        }
        return contextPath + servletPath;
    }

    /**
     * Joins the paths of a JAX-RS template ({@code /api}, {@code v1}, {@code products}, {@code {id: \d+}})
     * into {@code /api/v1/products/{id}}: one slash between parts, parameter patterns dropped.
     */
    public static String template(String... parts) {
        var route = new StringBuilder();
        for (String part : parts) {
            if (part == null) {
                continue;
            }
            for (String segment : part.split("/")) {
                if (!segment.isBlank()) {
                    route.append('/').append(withoutPattern(segment.trim()));
                }
            }
        }
        return route.isEmpty() ? "/" : route.toString();
    }

    private static String withoutPattern(String segment) {
        return PARAMETER_PATTERN.matcher(segment).replaceAll("{$1}");
    }
}
