package dev.orion.identity.console;

import dev.orion.identity.application.LoginAttempts;
import dev.orion.platform.LogText;
import dev.orion.platform.proxy.ClientOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The login form's target. It checks the sign-in budgets ({@link LoginAttempts}) before asking the Elytron realm
 * (programmatic login, so failures can be counted, which {@code j_security_check} does not let an application
 * do). A username that cannot be an email (too long, control characters) is refused before it reaches Redis or
 * a log. A session exists only after a successful sign-in, under a new id, stamped with the account's security
 * stamp ({@link SessionStampFilter}).
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LoginServlet.class.getName());
    /** The users table's limit for an email; bcrypt reads no more than 72 bytes of a password anyway. */
    static final int MAX_EMAIL = 254;
    static final int MAX_PASSWORD = 1024;

    @Inject
    LoginAttempts attempts;

    @Inject
    SessionStamps stamps;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String typed = request.getParameter("username");
        String password = request.getParameter("password");
        String back = request.getContextPath() + "/login.xhtml";
        if (typed == null || typed.isBlank() || password == null || password.isEmpty()) {
            response.sendRedirect(back + "?error=true");
            return;
        }
        if (typed.length() > MAX_EMAIL || LogText.hasControl(typed) || password.length() > MAX_PASSWORD) {
            LOG.info(() -> "Console login refused, malformed username " + LogText.excerpt(typed, 60) + " from " + ClientOrigin.describe(request));
            response.sendRedirect(back + "?error=true");
            return;
        }
        String email = typed.strip().toLowerCase(Locale.ROOT);
        String address = request.getRemoteAddr();
        switch (attempts.check(email, address)) {
            case LOCKED -> {
                LOG.warning(() -> "Console login refused, locked after repeated failures: " + email + " from " + ClientOrigin.describe(request));
                response.sendRedirect(back + "?locked=true");
                return;
            }
            case THROTTLED -> {
                LOG.warning(() -> "Console login refused, too many failures from this address or for this account: " + email
                        + " from " + ClientOrigin.describe(request));
                response.sendRedirect(back + "?throttled=true");
                return;
            }
            case ALLOWED -> {
            }
        }
        try {
            if (request.getUserPrincipal() != null) {
                request.logout();
            }
            request.login(email, password);
        } catch (ServletException e) {
            boolean nowLocked = attempts.recordFailure(email, address);
            LOG.info(() -> "Console login failed for " + email + " from " + ClientOrigin.describe(request) + (nowLocked ? " (now locked)" : ""));
            response.sendRedirect(back + (nowLocked ? "?locked=true" : "?error=true"));
            return;
        }
        attempts.recordSuccess(email, address);
        if (request.getSession(false) == null) {
            // the realm kept no identity without a session: sign in again now that one exists (success path only)
            request.getSession(true);
            try {
                request.login(email, password);
            } catch (ServletException e) {
                response.sendRedirect(back + "?error=true");
                return;
            }
        } else {
            request.changeSessionId(); // a session id planted before login is worthless afterwards
        }
        SessionStampFilter.stamp(request.getSession(), stamps.fresh(email).orElse(null));
        LOG.info(() -> "Console login of " + email + " from " + ClientOrigin.describe(request));
        response.sendRedirect(request.getContextPath() + "/");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/login.xhtml");
    }
}
