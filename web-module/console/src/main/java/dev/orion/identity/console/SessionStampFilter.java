package dev.orion.identity.console;

import dev.orion.platform.proxy.ClientOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Ends a console session whose account changed since it signed in: deactivated (or its vendor), another role,
 * a new password. The session carries the user's security stamp from sign-in; each request compares it with the
 * current one ({@link SessionStamps}, cached a few seconds). The check reads the database, not the session, so
 * it holds on every node of a cluster whatever node the session was replicated from.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SessionStampFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SessionStampFilter.class.getName());
    static final String STAMP = "orion.security-stamp";

    @Inject
    SessionStamps stamps;

    /** Called at sign-in: the session belongs to the account as it is now. */
    static void stamp(HttpSession session, Long stamp) {
        session.setAttribute(STAMP, stamp);
    }

    private static boolean matches(Optional<Long> current, Object signedIn) {
        return current.isPresent() && Objects.equals(current.get(), signedIn);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (request.getUserPrincipal() == null || session == null) {
            chain.doFilter(request, response);
            return;
        }
        String email = request.getUserPrincipal().getName();
        Object signedIn = session.getAttribute(STAMP);
        // a mismatch is confirmed with the database: a newer sign-in must not end on a node's older cached stamp.
        // A session signed in before stamps existed has none: it ends once, like a changed one.
        if (matches(stamps.current(email), signedIn) || matches(stamps.fresh(email), signedIn)) {
            chain.doFilter(request, response);
            return;
        }
        LOG.info(() -> "Console session of " + email + " ended: the account changed since it signed in (" + ClientOrigin.describe(request) + ")");
        request.logout();
        session.invalidate();
        String target = request.getContextPath() + "/login.xhtml?changed=true";
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + target.replace("&", "&amp;") + "\"/></partial-response>");
        } else {
            response.sendRedirect(target);
        }
    }
}
