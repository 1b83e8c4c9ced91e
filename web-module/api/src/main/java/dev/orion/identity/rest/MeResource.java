package dev.orion.identity.rest;

import dev.orion.platform.rest.ApiCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who the token says the caller is: lets an integration check its credentials, and is the API's cheapest
 * authenticated call (the benchmark's baseline: token check and rate limit, no database). One instance serves every
 * request: it holds only the request-scoped caller's proxy.
 */
@ApplicationScoped
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"vendor", "platform"})
@SecurityRequirement(name = "bearer")
@Tag(name = "auth")
public class MeResource {

    @Inject
    ApiCaller caller;

    public record Me(String clientId, List<String> roles, Long vendorId, String ratePlan) {
    }

    @GET
    @Operation(operationId = "getCurrentClient", summary = "Describe the calling API client")
    public Me get() {
        return new Me(caller.clientId(), caller.roles().stream().sorted().toList(), caller.ownVendor(), caller.ratePlan());
    }
}
