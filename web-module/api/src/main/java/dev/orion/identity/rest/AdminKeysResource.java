package dev.orion.identity.rest;

import dev.orion.identity.application.JwtKeys;
import dev.orion.identity.domain.ApiClient;
import dev.orion.platform.rest.ApiCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Signing-key rotation, for platform clients (see docs/security.md for the procedure). */
@Path("admin/keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ApiClient.ROLE_PLATFORM)
@SecurityRequirement(name = "bearer")
@Tag(name = "signing-keys")
public class AdminKeysResource {

    @Inject
    JwtKeys keys;

    @Inject
    ApiCaller caller;

    @Inject
    JwtVerification verification;

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RotatedKey")
    public record Rotated(String kid) {
    }

    @POST
    @Path("rotate")
    @Operation(operationId = "rotateSigningKey", summary = "Rotate the token signing key")
    public Rotated rotate() {
        String kid = keys.rotate(caller.actor());
        verification.reload(); // other nodes pick the new key up within a minute, or on its first token
        return new Rotated(kid);
    }
}
