package dev.orion.events.rest;

import dev.orion.events.application.DeliveryLog;
import dev.orion.events.application.EventFilter;
import dev.orion.events.application.EventPage;
import dev.orion.events.application.EventQuery;
import dev.orion.platform.rest.ApiCaller;
import dev.orion.platform.rest.Cursor;
import dev.orion.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A vendor's events, oldest first, and redelivering one to its webhook endpoints. */
@Path("events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"vendor", "platform"})
@SecurityRequirement(name = "bearer")
@Tag(name = "events")
public class EventsResource {

    @Inject
    EventQuery events;

    @Inject
    DeliveryLog deliveries;

    @Inject
    ApiCaller caller;

    public record EventList(List<EventJson> data, boolean hasMore, String nextCursor) {
    }

    public record Redelivery(String eventId, List<Long> deliveryIds) {
    }

    @GET
    @Operation(operationId = "listEvents", summary = "List events")
    public EventList list(@QueryParam("type") String type, @QueryParam("created_from") String from,
                          @QueryParam("created_to") String to, @QueryParam("delivery_success") String deliverySuccess,
                          @QueryParam("limit") @DefaultValue("25") int limit, @QueryParam("cursor") String cursor,
                          @QueryParam("vendor") Long vendor) {
        if (limit < 1 || limit > 100) {
            throw new BadRequestException("limit must be between 1 and 100");
        }
        Boolean success = null;
        if (deliverySuccess != null) {
            if (!deliverySuccess.equals("true") && !deliverySuccess.equals("false")) {
                throw new BadRequestException("delivery_success must be true or false");
            }
            success = Boolean.valueOf(deliverySuccess);
        }
        var filter = new EventFilter(type, QueryParams.timestamp("created_from", from), QueryParams.timestamp("created_to", to), success);
        // a platform client that names no vendor reads the platform-level events (email.dead_lettered)
        EventPage page = events.page(caller.vendorScopeOrAll(vendor), filter, Cursor.decode(cursor), limit);
        return new EventList(page.items().stream().map(EventJson::of).toList(), page.hasMore(),
                page.hasMore() ? Cursor.encode(page.nextAfter()) : null);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getEvent", summary = "Get an event")
    public EventJson get(@PathParam("id") String id, @QueryParam("vendor") Long vendor) {
        return events.find(caller.vendorScopeOrAll(vendor), uuid(id)).map(EventJson::of).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/redeliver")
    @APIResponse(responseCode = "202", description = "One new attempt queued per enabled endpoint that wants the event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Redelivery.class)))
    @Operation(operationId = "redeliverEvent", summary = "Redeliver an event to its endpoints")
    public Response redeliver(@PathParam("id") String id, @QueryParam("vendor") Long vendor) {
        UUID eventId = uuid(id);
        List<Long> queued = deliveries.redeliver(caller.actor(), caller.vendorScope(vendor), eventId)
                .orElseThrow(NotFoundException::new);
        return Response.accepted(new Redelivery(eventId.toString(), queued)).build();
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
