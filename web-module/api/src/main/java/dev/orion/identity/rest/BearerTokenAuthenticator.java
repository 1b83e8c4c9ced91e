package dev.orion.identity.rest;

import dev.orion.platform.rest.ApiCaller;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Authenticates API calls. A bearer token must verify (signature, issuer, audience, expiry); then its
 * groups are the caller's roles for {@code @RolesAllowed}. Without a token only {@code @PermitAll}
 * operations run; everything else is 401, never 403, because authentication is what is missing.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenAuthenticator implements ContainerRequestFilter {

    private static final String CHALLENGE = "Bearer realm=\"orion-api\"";

    @Inject
    JwtVerification verification;

    @Inject
    ApiCaller caller;

    @Inject
    ClientRevocations revocations;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                var token = verification.verify(header.substring(7).strip());
                if (!revocations.active(token.getSubject())) {
                    throw new NotAuthorizedException("The client of this token has been revoked", CHALLENGE + ", error=\"invalid_token\"");
                }
                request.setSecurityContext(new JwtSecurityContext(token, request.getSecurityContext().isSecure()));
                caller.authenticated(token);
                return;
            } catch (ParseException e) {
                throw new NotAuthorizedException("The bearer token is invalid or expired", CHALLENGE + ", error=\"invalid_token\"");
            }
        }
        if (!permitsAll()) {
            throw new NotAuthorizedException("A bearer token is required", CHALLENGE);
        }
    }

    private boolean permitsAll() {
        return resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
                || resource.getResourceClass().isAnnotationPresent(PermitAll.class));
    }
}
