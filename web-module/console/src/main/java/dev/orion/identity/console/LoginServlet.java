package dev.orion.identity.console;

import dev.orion.identity.application.LoginAttempts;
import dev.orion.platform.proxy.ClientOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * The login form's target. It checks the lock-out before asking the Elytron realm (programmatic login, so
 * the failure can be counted, which {@code j_security_check} does not let an application do), and gives a
 * new session id on success so a session id planted before login is worthless afterwards.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LoginServlet.class.getName());

    @Inject
    LoginAttempts attempts;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String email = trimmed(request.getParameter("username"));
        String password = request.getParameter("password");
        String back = request.getContextPath() + "/login.xhtml";
        if (email.isEmpty() || password == null || password.isEmpty()) {
            response.sendRedirect(back + "?error=true");
            return;
        }
        if (attempts.isLocked(email)) {
            LOG.warning(() -> "Console login refused, locked after repeated failures: " + email + " from " + ClientOrigin.describe(request));
            response.sendRedirect(back + "?locked=true");
            return;
        }
        try {
            if (request.getUserPrincipal() != null) {
                request.logout();
            }
            request.getSession(); // Elytron keeps the identity in the session
            request.login(email, password);
        } catch (ServletException e) {
            boolean nowLocked = attempts.recordFailure(email);
            LOG.info(() -> "Console login failed for " + email + " from " + ClientOrigin.describe(request) + (nowLocked ? " (now locked)" : ""));
            response.sendRedirect(back + (nowLocked ? "?locked=true" : "?error=true"));
            return;
        }
        attempts.recordSuccess(email);
        LOG.info(() -> "Console login of " + email + " from " + ClientOrigin.describe(request));
        request.changeSessionId();
        response.sendRedirect(request.getContextPath() + "/");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/login.xhtml");
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
