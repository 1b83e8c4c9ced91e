package dev.orion.catalog.rest;

import dev.orion.catalog.application.ProductCatalog;
import dev.orion.catalog.application.ProductPage;
import dev.orion.catalog.application.ProductView;
import dev.orion.identity.rest.ApiCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The vendor's catalogue. */
@Path("products")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"vendor", "platform"})
@SecurityRequirement(name = "bearer")
public class ProductsResource {

    @Inject
    ProductCatalog catalog;

    @Inject
    ApiCaller caller;

    @Context
    UriInfo uri;

    public record ProductList(List<ProductView> data, boolean hasMore, String nextCursor) {
    }

    @GET
    public Response list(@QueryParam("limit") @DefaultValue("25") int limit,
                         @QueryParam("cursor") String cursor,
                         @QueryParam("vendor") Long vendor) {
        if (limit < 1 || limit > ProductCatalog.MAX_PAGE) {
            throw new BadRequestException("limit must be between 1 and " + ProductCatalog.MAX_PAGE);
        }
        ProductPage page = catalog.list(caller.vendorScope(vendor), Cursor.decode(cursor), limit);
        String next = page.hasMore() ? Cursor.encode(page.nextAfterId()) : null;
        var response = Response.ok(new ProductList(page.items(), page.hasMore(), next));
        if (next != null) {
            response.links(Link.fromUriBuilder(uri.getRequestUriBuilder().replaceQueryParam("cursor", next)).rel("next").build());
        }
        return response.build();
    }

    @GET
    @Path("{sku}")
    public ProductView get(@PathParam("sku") String sku, @QueryParam("vendor") Long vendor) {
        return catalog.find(caller.vendorScope(vendor), sku).orElseThrow(NotFoundException::new);
    }
}
