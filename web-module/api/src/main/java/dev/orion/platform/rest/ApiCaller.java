package dev.orion.platform.rest;

import dev.orion.platform.audit.Actor;
import dev.orion.platform.requestlog.RequestLog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated API client of this request and the vendor it acts for. A vendor client always acts
 * for its own vendor (asking for another one looks like a missing resource: 404); a platform client
 * names the vendor with {@code ?vendor=}. Kernel code (rate limits, idempotency, operator resources) reads the
 * caller here without knowing how identity issues or verifies tokens: it reads only the token's subject, groups and
 * the {@code vendor} and {@code rate_plan} claims.
 */
@RequestScoped
public class ApiCaller {

    /** The group of a platform client's token; the same name {@code @RolesAllowed("platform")} checks. */
    private static final String PLATFORM_ROLE = "platform";

    @Inject
    HttpServletRequest request;

    private JsonWebToken token;

    /**
     * Called by identity's bearer token filter once the request's token is verified, and by nothing else. From here
     * on the request is the client's: the request log (RequestObservationFilter) records it under the client's id.
     */
    public void authenticated(JsonWebToken verified) {
        this.token = verified;
        request.setAttribute(RequestLog.CLIENT_ATTRIBUTE, verified.getSubject());
        request.setAttribute(RequestLog.VENDOR_ATTRIBUTE, ownVendor());
    }

    private JsonWebToken token() {
        if (token == null) {
            throw new NotAuthorizedException("A bearer token is required", "Bearer realm=\"orion-api\"");
        }
        return token;
    }

    public String clientId() {
        return token().getSubject();
    }

    public boolean isPlatform() {
        return token().getGroups().contains(PLATFORM_ROLE);
    }

    /** The vendor the token is bound to; null for platform clients. */
    public Long ownVendor() {
        Object claim = token().getClaim("vendor");
        return claim == null ? null : Long.valueOf(claim.toString().replace("\"", ""));
    }

    public java.util.Set<String> roles() {
        return token().getGroups();
    }

    public boolean isAuthenticated() {
        return token != null;
    }

    /** The client's rate-limit plan, as stamped into its token. */
    public String ratePlan() {
        Object plan = token().getClaim("rate_plan");
        return plan == null ? "standard" : plan.toString().replace("\"", "");
    }

    /** The caller's address, through trusted proxies only (resolved for every request by platform.proxy). */
    public String clientIp() {
        return request.getRemoteAddr();
    }

    public long vendorScope(Long requestedVendor) {
        if (isPlatform()) {
            if (requestedVendor == null) {
                throw new BadRequestException("Platform clients must name the vendor with ?vendor=");
            }
            return requestedVendor;
        }
        Long own = ownVendor();
        if (own == null || (requestedVendor != null && !requestedVendor.equals(own))) {
            throw new NotFoundException();
        }
        return own;
    }

    /** Like {@link #vendorScope}, but a platform client that names no vendor means all vendors (null). */
    public Long vendorScopeOrAll(Long requestedVendor) {
        return isPlatform() && requestedVendor == null ? null : vendorScope(requestedVendor);
    }

    public Actor actor() {
        return new Actor(clientId(), "api-client", clientIp());
    }
}
