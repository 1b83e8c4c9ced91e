package dev.orion.platform.rest;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Every operation needs a valid bearer token unless it is marked {@code @PermitAll}. Without this, a missing
 * token reaches the role check and comes back as 403; the client's real problem is authentication (401).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationRequiredFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceMethod() == null
                || resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
                || resource.getResourceClass().isAnnotationPresent(PermitAll.class)) {
            return;
        }
        if (request.getSecurityContext().getUserPrincipal() == null) {
            throw new NotAuthorizedException("Bearer realm=\"orion-api\"");
        }
    }
}
