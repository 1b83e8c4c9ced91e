package dev.orion.identity.rest;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The request's security context once its bearer token is verified: the token is the principal, its groups the roles. */
record JwtSecurityContext(JsonWebToken token, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return token;
    }

    @Override
    public boolean isUserInRole(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
