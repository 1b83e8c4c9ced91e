package dev.orion.notifications.console;

import dev.orion.notifications.application.EmailOutbox;
import dev.orion.notifications.application.RenderedEmail;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An outbox email's HTML body on its own, for the sandboxed iframe of the emails page. The HTML is whatever the
 * template and the stored model made of it, so it never enters the console page itself: this response has its
 * own policy (no scripts, no requests anywhere, sandboxed, framed only by the console). Under /platform/, so
 * web.xml lets only ADMIN and STAFF read it.
 */
@WebServlet("/platform/email-preview")
public class EmailPreviewServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

    @Inject
    EmailOutbox outbox;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<RenderedEmail> rendered;
        try {
            rendered = outbox.preview(Long.parseLong(request.getParameter("id")));
        } catch (NumberFormatException e) {
            rendered = Optional.empty();
        }
        if (rendered.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // replaces the console's own policy (set by SecurityHeadersFilter) for this response only
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(rendered.get().html());
    }
}
