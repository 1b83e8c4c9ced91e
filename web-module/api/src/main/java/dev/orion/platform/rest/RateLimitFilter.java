package dev.orion.platform.rest;

import dev.orion.platform.ratelimit.RateDecision;
import dev.orion.platform.ratelimit.RateLimits;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;

/**
 * Per-client request budgets (the plan in the client's token), and for the token endpoint per IP (its budget
 * per client id is the token resource's, taken once the form is parsed). Every response says where the caller
 * stands (RateLimit-Limit, -Remaining, -Reset); over budget is 429 with Retry-After.
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
            // the per-client budget is the resource's (TokenBudget), once the form is parsed as the resource reads it
            decision = limits.acquire("token-ip:" + caller.clientIp(), limits.plan("token-ip", "10/30"));
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
}
