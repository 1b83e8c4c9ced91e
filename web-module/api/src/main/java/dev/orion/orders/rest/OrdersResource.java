package dev.orion.orders.rest;

import dev.orion.platform.rest.ApiCaller;
import dev.orion.orders.application.OrderService;
import dev.orion.orders.application.OrderView;
import dev.orion.orders.domain.OrderStatus;
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
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import dev.orion.orders.application.NewOrder;
import dev.orion.orders.application.OrderFilter;
import dev.orion.orders.application.OrderListing;
import dev.orion.orders.application.OrderPage;
import dev.orion.platform.rest.Cursor;
import dev.orion.platform.rest.QueryParams;
import java.util.List;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A vendor's orders and their lifecycle. */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"vendor", "platform"})
@SecurityRequirement(name = "bearer")
@Tag(name = "orders")
public class OrdersResource {

    @Inject
    OrderService orders;

    @Inject
    OrderListing listing;

    @Inject
    ApiCaller caller;

    @Context
    UriInfo uri;

    public record CustomerBody(@NotBlank @Email @Size(max = 254) String email, @Size(max = 200) String name,
                               @Pattern(regexp = "en|fr|de", message = "must be en, fr or de") String locale) {
    }

    public record LineBody(@NotBlank @Size(max = 100) String sku, @NotNull @Positive @Max(10_000) Integer quantity) {
    }

    /** Body of a new order: lines reference SKUs; prices come from the catalogue. */
    @Schema(example = "{\"external_id\":\"SHOP-7781\",\"customer\":{\"email\":\"ada@example.com\",\"name\":\"Ada Lovelace\",\"locale\":\"en\"},\"currency\":\"EUR\",\"lines\":[{\"sku\":\"MUG-01\",\"quantity\":2}]}")
    public record OrderBody(@Size(max = 100) String externalId, @Valid @NotNull CustomerBody customer,
                            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR") String currency,
                            @NotEmpty @Size(max = 500) List<@Valid @NotNull LineBody> lines) {
    }

    public record OrderList(List<OrderJson> data, boolean hasMore, String nextCursor) {
    }

    @GET
    @Operation(operationId = "listOrders", summary = "List orders")
    public OrderList list(@QueryParam("status") String status, @QueryParam("created_from") String from,
                          @QueryParam("created_to") String to, @QueryParam("limit") @DefaultValue("25") int limit,
                          @QueryParam("cursor") String cursor, @QueryParam("vendor") Long vendor) {
        if (limit < 1 || limit > 100) {
            throw new BadRequestException("limit must be between 1 and 100");
        }
        var filter = new OrderFilter(status == null ? null : status(status), QueryParams.timestamp("created_from", from), QueryParams.timestamp("created_to", to));
        OrderPage page = listing.page(caller.vendorScope(vendor), filter, OrderListing.Sort.OLDEST_FIRST, Cursor.decode(cursor), 0, limit);
        return new OrderList(page.items().stream().map(OrderJson::of).toList(), page.hasMore(), page.hasMore() ? Cursor.encode(page.nextAfterId()) : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @APIResponse(responseCode = "201", description = "Placed; stock reserved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderJson.class)))
    @Operation(operationId = "createOrder", summary = "Place an order")
    public Response place(@Valid @NotNull OrderBody body, @QueryParam("vendor") Long vendor) {
        long vendorId = caller.vendorScope(vendor);
        var request = new NewOrder(body.externalId(), body.customer().email(), body.customer().name(),
                body.customer().locale() == null ? "en" : body.customer().locale(), body.currency(),
                body.lines().stream().map(l -> new NewOrder.Line(l.sku(), l.quantity())).toList());
        OrderView order = orders.place(caller.actor(), vendorId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(order.id())).build()).entity(OrderJson.of(order)).build();
    }

    private static OrderStatus status(String text) {
        try {
            return OrderStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Unknown status '" + text + "'");
        }
    }

    /** Body of a transition request: the target status, and a tracking number when shipping. */
    public record TransitionRequest(String to, String trackingNumber) {
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getOrder", summary = "Get an order")
    public OrderJson get(@PathParam("id") long id, @QueryParam("vendor") Long vendor) {
        return orders.find(caller.vendorScope(vendor), id).map(OrderJson::of).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeOrderStatus", summary = "Change an order's status")
    public OrderJson transition(@PathParam("id") long id, @QueryParam("vendor") Long vendor, TransitionRequest body) {
        if (body == null || body.to() == null) {
            throw new BadRequestException("Field 'to' is required");
        }
        OrderStatus target = status(body.to());
        long vendorId = caller.vendorScope(vendor);
        OrderView changed = orders.transition(caller.actor(), vendorId, id, target, body.trackingNumber())
                .orElseThrow(NotFoundException::new);
        return OrderJson.of(changed);
    }
}
