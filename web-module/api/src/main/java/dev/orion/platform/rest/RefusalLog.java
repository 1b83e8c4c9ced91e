package dev.orion.platform.rest;

import dev.orion.platform.LogText;
import dev.orion.platform.observability.Correlation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Logger;

/**
 * An expected refusal (a 4xx the API answers with a problem document) is one INFO line naming the request, the
 * status and the reason, with the correlation id; never an ERROR and never a stack trace, which are kept for the
 * unexpected errors {@link ProblemMapper} logs. A resource that logs its own refusal with more to say (the token
 * endpoint names the refused client) marks the request with {@link #loggedBy}, so the refusal stays one line.
 */
public final class RefusalLog {

    private static final Logger LOG = Logger.getLogger(RefusalLog.class.getName());
    private static final String LOGGED = RefusalLog.class.getName() + ".logged";

    private RefusalLog() {
    }

    /** This request's refusal has its line already. */
    public static void loggedBy(HttpServletRequest request) {
        request.setAttribute(LOGGED, Boolean.TRUE);
    }

    /** One INFO line for a 4xx answer, unless the request has its line already; other statuses are not refusals. */
    static void refused(HttpServletRequest request, Problem problem, String reason) {
        int status = (int) problem.body().get("status");
        if (status < 400 || status >= 500 || request == null || request.getAttribute(LOGGED) != null) {
            return;
        }
        request.setAttribute(LOGGED, Boolean.TRUE);
        String method = request.getMethod();
        String path = LogText.excerpt(request.getRequestURI());
        String title = String.valueOf(problem.body().get("title"));
        String why = LogText.excerpt(reason == null ? String.valueOf(problem.body().get("detail")) : reason);
        LOG.info(() -> "Refused " + method + " " + path + ": " + status + " " + title + " (" + why + "), correlation id " + Correlation.current());
    }
}
