package dev.orion.platform.rest;

import dev.orion.identity.rest.ApiCaller;
import dev.orion.platform.ratelimit.RateDecision;
import dev.orion.platform.ratelimit.RateLimits;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Per-client request budgets (the plan in the client's token), and for the token endpoint per client id
 * and per IP. Every response says where the caller stands (RateLimit-Limit, -Remaining, -Reset); over
 * budget is 429 with Retry-After.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String DECISION = RateLimitFilter.class.getName();

    @Inject
    RateLimits limits;

    @Inject
    ApiCaller caller;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        RateDecision decision;
        if (request.getUriInfo().getPath().endsWith("auth/token")) {
            decision = limits.acquire("token-ip:" + caller.clientIp(), limits.plan("token-ip", "10/30"));
            String clientId = tokenClientId(request);
            if (decision.allowed() && clientId != null) {
                decision = limits.acquire("token-client:" + clientId, limits.plan("token-client", "5/10"));
            }
        } else if (caller.isAuthenticated()) {
            decision = limits.acquire("client:" + caller.clientId(), limits.plan(caller.ratePlan(), "20/40"));
        } else {
            return;
        }
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            var response = Problem.of(429, "rate-limited", "Too many requests",
                            "Request budget used up; retry in " + decision.resetSeconds() + " s")
                    .instance(request.getUriInfo())
                    .builder()
                    .header("Retry-After", decision.resetSeconds());
            request.abortWith(response.build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateDecision decision) {
            response.getHeaders().putSingle("RateLimit-Limit", decision.limit());
            response.getHeaders().putSingle("RateLimit-Remaining", decision.remaining());
            response.getHeaders().putSingle("RateLimit-Reset", decision.resetSeconds());
        }
    }

    /** The client id of a token request, from HTTP Basic or the form; the form is put back for the resource. */
    private static String tokenClientId(ContainerRequestContext request) throws IOException {
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                return pair.contains(":") ? pair.substring(0, pair.indexOf(':')) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (!MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
            return null;
        }
        byte[] body = request.getEntityStream().readNBytes(16 * 1024);
        request.setEntityStream(new ByteArrayInputStream(body));
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.startsWith("client_id=")) {
                return URLDecoder.decode(pair.substring(10), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
