package dev.orion.orders.rest;

import dev.orion.identity.rest.ApiCaller;
import dev.orion.orders.application.OrderService;
import dev.orion.orders.application.OrderView;
import dev.orion.orders.domain.OrderStatus;
import dev.orion.platform.audit.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A vendor's orders and their lifecycle. */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"vendor", "platform"})
@SecurityRequirement(name = "bearer")
public class OrdersResource {

    @Inject
    OrderService orders;

    @Inject
    ApiCaller caller;

    @Inject
    AuditLog audit;

    /** Body of a transition request: the target status, and a tracking number when shipping. */
    public record TransitionRequest(String to, String trackingNumber) {
    }

    @GET
    @Path("{id}")
    public OrderView get(@PathParam("id") long id, @QueryParam("vendor") Long vendor) {
        return orders.find(caller.vendorScope(vendor), id).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    public OrderView transition(@PathParam("id") long id, @QueryParam("vendor") Long vendor, TransitionRequest body) {
        if (body == null || body.to() == null) {
            throw new BadRequestException("Field 'to' is required");
        }
        OrderStatus target;
        try {
            target = OrderStatus.valueOf(body.to().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Unknown status '" + body.to() + "'");
        }
        long vendorId = caller.vendorScope(vendor);
        OrderView changed = orders.transition(vendorId, id, target, body.trackingNumber(), caller.clientId())
                .orElseThrow(NotFoundException::new);
        audit.record(caller.actor(), vendorId, "order.transition", "order", id, "to " + target);
        return changed;
    }
}
