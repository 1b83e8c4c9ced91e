package dev.orion.identity.rest;

import dev.orion.identity.domain.ApiClient;
import dev.orion.platform.ratelimit.RateDecision;
import dev.orion.platform.ratelimit.RateLimits;
import dev.orion.platform.rest.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * The token endpoint's budget per client id ({@code ORION_RATE_PLAN_TOKEN_CLIENT}, 5/10). It is taken on the id
 * as the resource read it (form parsed, {@code client%5Fid} decoded, or HTTP Basic), so no spelling of the
 * parameter escapes it. Ids that cannot exist share one budget, so junk ids cannot fill Redis with keys.
 */
@ApplicationScoped
public class TokenBudget {

    @Inject
    RateLimits limits;

    /** A 429 problem when this client id has used up its budget; empty when the request may go on. */
    public Optional<Response> refuse(String clientId, UriInfo uri) {
        String key = clientId != null && clientId.length() <= ApiClient.MAX_CLIENT_ID && clientId.matches("[A-Za-z0-9_.-]+")
                ? clientId : "(malformed)";
        RateDecision decision = limits.acquire("token-client:" + key, limits.plan("token-client", "5/10"));
        if (decision.allowed()) {
            return Optional.empty();
        }
        return Optional.of(Problem.of(429, "rate-limited", "Too many requests",
                        "Request budget of this client used up; retry in " + decision.resetSeconds() + " s")
                .instance(uri).builder()
                .header("Retry-After", decision.resetSeconds())
                .header("RateLimit-Limit", decision.limit())
                .header("RateLimit-Remaining", decision.remaining())
                .header("RateLimit-Reset", decision.resetSeconds())
                .build());
    }
}
