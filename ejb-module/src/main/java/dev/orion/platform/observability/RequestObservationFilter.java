package dev.orion.platform.observability;

import dev.orion.platform.requestlog.ApiRequest;
import dev.orion.platform.requestlog.RequestLog;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * First on every request of the API and the console (declared in both web.xml files): gives the request its
 * correlation id (the caller's sane {@code X-Request-Id}, else a new one), returns it in the response and
 * keeps it in the MDC while the request runs, then times the request by route and status, and hands a request
 * of an API client (one the API authenticated) to the request log, which writes it later, off this thread.
 */
public class RequestObservationFilter extends HttpFilter {

    @Inject
    MeterRegistry registry;

    @Inject
    RequestLog requestLog;

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
            long elapsed = System.nanoTime() - start;
            metrics.record(request.getMethod(), route, status, elapsed);
            if (request.getAttribute(RequestLog.CLIENT_ATTRIBUTE) instanceof String client) {
                requestLog.record(new ApiRequest(0, client, (Long) request.getAttribute(RequestLog.VENDOR_ATTRIBUTE),
                        request.getMethod(), route, status, elapsed / 1000, idempotencyKey(request),
                        "true".equals(response.getHeader("Idempotent-Replayed")), correlation,
                        OffsetDateTime.now(ZoneOffset.UTC).minusNanos(elapsed)));
            }
            Correlation.clear();
        }
    }

    /** The request's Idempotency-Key when it is one the API accepts (1 to 255 visible ASCII characters), else none. */
    private static String idempotencyKey(HttpServletRequest request) {
        String key = request.getHeader("Idempotency-Key");
        return key != null && !key.isEmpty() && key.length() <= 255 && key.chars().allMatch(c -> c > 32 && c < 127) ? key : null;
    }
}
