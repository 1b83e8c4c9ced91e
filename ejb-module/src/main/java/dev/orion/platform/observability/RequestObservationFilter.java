package dev.orion.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * First on every request of the API and the console (declared in both web.xml files): gives the request its
 * correlation id (the caller's sane {@code X-Request-Id}, else a new one), returns it in the response and
 * keeps it in the MDC while the request runs, then times the request by route and status.
 */
public class RequestObservationFilter extends HttpFilter {

    /** Buckets for {@code histogram_quantile}: from a cached read to a slow export. */
    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    @Inject
    MeterRegistry registry;

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
            Timer.builder("orion.http.requests")
                    .description("HTTP requests by route (resource template or console page) and status")
                    .tag("method", request.getMethod())
                    .tag("route", route)
                    .tag("status", Integer.toString(status))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            Correlation.clear();
        }
    }
}
