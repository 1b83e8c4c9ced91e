package dev.orion.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * First on every request of the API and the console (declared in both web.xml files): gives the request its
 * correlation id (the caller's sane {@code X-Request-Id}, else a new one), returns it in the response and
 * keeps it in the MDC while the request runs, then times the request by route and status.
 */
public class RequestObservationFilter extends HttpFilter {

    @Inject
    MeterRegistry registry;

    private HttpRequestMetrics metrics;

    @Override
    public void init() {
        metrics = new HttpRequestMetrics(registry);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String correlation = Correlation.acceptOrCreate(request.getHeader(Correlation.HEADER));
        Correlation.set(correlation);
        response.setHeader(Correlation.HEADER, correlation);
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            int status = failed ? 500 : response.getStatus();
            String route = HttpRoutes.of((String) request.getAttribute(HttpRoutes.ATTRIBUTE),
                    request.getContextPath(), request.getServletPath(), status);
            metrics.record(request.getMethod(), route, status, System.nanoTime() - start);
            Correlation.clear();
        }
    }
}
