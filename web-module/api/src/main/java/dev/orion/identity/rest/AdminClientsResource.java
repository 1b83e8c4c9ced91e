package dev.orion.identity.rest;

import dev.orion.identity.application.ApiClientAdmin;
import dev.orion.identity.application.ApiClientView;
import dev.orion.identity.application.ClientCredentials;
import dev.orion.identity.domain.ApiClient;
import dev.orion.platform.rest.ApiCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API client administration, for platform clients: create (secret shown once), rotate, revoke. */
@Path("admin/clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ApiClient.ROLE_PLATFORM)
@SecurityRequirement(name = "bearer")
@Tag(name = "api-clients")
public class AdminClientsResource {

    @Inject
    ApiClientAdmin clients;

    @Inject
    ApiCaller caller;

    public record NewClient(@NotBlank @Size(max = 200) String name,
                            @NotNull @Pattern(regexp = "vendor|platform", message = "must be vendor or platform") String role,
                            Long vendorId,
                            @Pattern(regexp = "[a-z0-9_-]{1,32}", message = "must be a plan name like standard") String ratePlan,
                            @Pattern(regexp = "batch:read|batch:operate", message = "must be batch:read or batch:operate") String scope) {
    }

    public record ClientList(List<ApiClientView> data) {
    }

    @GET
    @Operation(operationId = "listApiClients", summary = "List the API clients")
    public ClientList list() {
        return new ClientList(clients.list());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @APIResponse(responseCode = "201", description = "Created; the secret is shown only now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientCredentials.class)))
    @Operation(operationId = "createApiClient", summary = "Create an API client and show its secret once")
    public Response create(@Valid @NotNull NewClient body) {
        ClientCredentials created = clients.create(caller.actor(), body.name(), body.role(), body.vendorId(), body.ratePlan(), body.scope());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @POST
    @Path("{clientId}/secret")
    @Transactional
    @Operation(operationId = "rotateApiClientSecret", summary = "Rotate an API client's secret")
    public ClientCredentials rotate(@PathParam("clientId") String clientId) {
        return clients.rotateSecret(caller.actor(), clientId).orElseThrow(NotFoundException::new);
    }

    @DELETE
    @Path("{clientId}")
    @Transactional
    @APIResponse(responseCode = "204", description = "Revoked; its live tokens stop working within a minute")
    @Operation(operationId = "revokeApiClient", summary = "Revoke an API client")
    public Response revoke(@PathParam("clientId") String clientId) {
        if (!clients.revoke(caller.actor(), clientId)) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }
}
