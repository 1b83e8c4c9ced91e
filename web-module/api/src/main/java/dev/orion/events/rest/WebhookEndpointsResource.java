package dev.orion.events.rest;

import dev.orion.events.application.DeliveryLog;
import dev.orion.events.application.DeliveryPage;
import dev.orion.events.application.DeliveryView;
import dev.orion.events.application.EndpointChange;
import dev.orion.events.application.EndpointView;
import dev.orion.events.application.NewSecret;
import dev.orion.events.application.WebhookEndpoints;
import dev.orion.platform.rest.ApiCaller;
import dev.orion.platform.rest.Cursor;
import dev.orion.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A vendor's webhook endpoints, their signing secrets and their delivery log (docs/webhooks.md). */
@Path("webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"vendor", "platform"})
@SecurityRequirement(name = "bearer")
@Tag(name = "webhook-endpoints")
public class WebhookEndpointsResource {

    static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    DeliveryLog log;

    @Inject
    ApiCaller caller;

    @Context
    UriInfo uri;

    /** Creating: url and event_types are required; changing (PATCH): a member left out stays as it is. */
    public record EndpointBody(@Size(max = 2000) String url, @Size(max = 200) String description,
                               @Size(max = 20) List<@NotNull String> eventTypes, Boolean enabled) {
    }

    /** An endpoint with the secret it was just given: shown this once, never again. */
    @Schema(name = "WebhookEndpointWithSecret")
    public record EndpointWithSecret(long id, String url, String description, List<String> eventTypes, boolean enabled,
                                     String secret, OffsetDateTime previousSecretExpiresAt, OffsetDateTime createdAt) {

        static EndpointWithSecret of(NewSecret created) {
            EndpointView e = created.endpoint();
            return new EndpointWithSecret(e.id(), e.url(), e.description(), e.eventTypes(), e.enabled(), created.secret(),
                    e.previousSecretExpiresAt(), e.createdAt());
        }
    }

    @Schema(name = "WebhookEndpoint")
    public record EndpointJson(long id, String url, String description, List<String> eventTypes, boolean enabled,
                               String disabledReason, OffsetDateTime failingSince, OffsetDateTime previousSecretExpiresAt,
                               OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static EndpointJson of(EndpointView e) {
            return new EndpointJson(e.id(), e.url(), e.description(), e.eventTypes(), e.enabled(), e.disabledReason(),
                    e.failingSince(), e.previousSecretExpiresAt(), e.createdAt(), e.updatedAt());
        }
    }

    public record EndpointList(List<EndpointJson> data) {
    }

    /** How long the current secret goes on signing beside the new one, ISO 8601 (PT24H if left out, at most P7D). */
    public record RotationBody(@Size(max = 40) String overlap) {
    }

    public record DeliveryList(List<DeliveryView> data, boolean hasMore, String nextCursor) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Created; the signing secret is in this answer only",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EndpointWithSecret.class)))
    @Operation(operationId = "createWebhookEndpoint", summary = "Create a webhook endpoint")
    public Response create(@Valid @NotNull EndpointBody body, @QueryParam("vendor") Long vendor) {
        NewSecret created = endpoints.create(caller.actor(), caller.vendorScope(vendor), change(body));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.endpoint().id())).build())
                .entity(EndpointWithSecret.of(created)).build();
    }

    @GET
    @Operation(operationId = "listWebhookEndpoints", summary = "List webhook endpoints")
    public EndpointList list(@QueryParam("vendor") Long vendor) {
        return new EndpointList(endpoints.list(caller.vendorScope(vendor)).stream().map(EndpointJson::of).toList());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhookEndpoint", summary = "Get a webhook endpoint")
    public EndpointJson get(@PathParam("id") long id, @QueryParam("vendor") Long vendor) {
        return endpoints.find(caller.vendorScope(vendor), id).map(EndpointJson::of).orElseThrow(NotFoundException::new);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateWebhookEndpoint", summary = "Update a webhook endpoint")
    public EndpointJson change(@PathParam("id") long id, @Valid @NotNull EndpointBody body, @QueryParam("vendor") Long vendor) {
        return endpoints.change(caller.actor(), caller.vendorScope(vendor), id, change(body)).map(EndpointJson::of)
                .orElseThrow(NotFoundException::new);
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted, with its delivery log")
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint")
    public Response delete(@PathParam("id") long id, @QueryParam("vendor") Long vendor) {
        if (!endpoints.delete(caller.actor(), caller.vendorScope(vendor), id)) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/secret-rotations")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The new secret, shown this once; the previous one signs too until previous_secret_expires_at",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EndpointWithSecret.class)))
    @Operation(operationId = "rotateWebhookEndpointSecret", summary = "Rotate a webhook endpoint's signing secret")
    public EndpointWithSecret rotate(@PathParam("id") long id, @Valid RotationBody body, @QueryParam("vendor") Long vendor) {
        Duration overlap = DEFAULT_OVERLAP;
        if (body != null && body.overlap() != null) {
            try {
                overlap = Duration.parse(body.overlap());
            } catch (DateTimeParseException e) {
                throw new BadRequestException("overlap must be an ISO 8601 duration such as PT24H");
            }
        }
        return endpoints.rotateSecret(caller.actor(), caller.vendorScope(vendor), id, overlap).map(EndpointWithSecret::of)
                .orElseThrow(NotFoundException::new);
    }

    public record Redeliveries(int redelivered) {
    }

    @POST
    @Path("{id}/redeliveries")
    @APIResponse(responseCode = "202", description = "One new attempt queued for each delivery that failed since failed_since (at most 1,000)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Redeliveries.class)))
    @Operation(operationId = "redeliverFailedWebhookDeliveries", summary = "Redeliver an endpoint's failed deliveries since a time")
    public Response redeliverFailed(@PathParam("id") long id, @QueryParam("failed_since") String since,
                                    @QueryParam("vendor") Long vendor) {
        OffsetDateTime from = QueryParams.timestamp("failed_since", since);
        if (from == null) {
            throw new BadRequestException("failed_since is required: an RFC 3339 timestamp like 2026-01-31T12:00:00Z");
        }
        int queued = log.redeliverFailed(caller.actor(), caller.vendorScope(vendor), id, from).orElseThrow(NotFoundException::new);
        return Response.accepted(new Redeliveries(queued)).build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List a webhook endpoint's delivery attempts")
    public DeliveryList deliveries(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("25") int limit,
                                   @QueryParam("cursor") String cursor, @QueryParam("vendor") Long vendor) {
        if (limit < 1 || limit > 100) {
            throw new BadRequestException("limit must be between 1 and 100");
        }
        DeliveryPage page = log.deliveries(caller.vendorScope(vendor), id, Cursor.decode(cursor), limit)
                .orElseThrow(NotFoundException::new);
        return new DeliveryList(page.items(), page.hasMore(), page.hasMore() ? Cursor.encode(page.nextBefore()) : null);
    }

    private static EndpointChange change(EndpointBody body) {
        return new EndpointChange(body.url(), body.description(), body.eventTypes(), body.enabled());
    }
}
