package dev.orion.platform.console;

import dev.orion.platform.persistence.DatabaseAvailability;
import dev.orion.platform.persistence.DatabaseOutage;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Second on every console request (web.xml, after the correlation id): a request that fails because the database
 * is out, wherever it failed (the session check, the sign-in, a page outside Faces), answers the "temporarily
 * unavailable" page with 503 instead of the error page, and logs nothing per request: {@link DatabaseAvailability}
 * logs the outage once. Failures inside Faces are turned into the same page by {@link CorrelatedExceptionHandler}.
 */
public class DatabaseOutageFilter extends HttpFilter {

    @Inject
    DatabaseAvailability database;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            database.unreachable(e); // once per outage: a no-op when an EJB has reported it already
            UnavailablePage.write(request, response);
        }
    }
}
