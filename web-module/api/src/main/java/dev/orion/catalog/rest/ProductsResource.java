package dev.orion.catalog.rest;

import dev.orion.catalog.application.ProductCatalog;
import dev.orion.catalog.application.ProductImports;
import dev.orion.catalog.application.ProductListing;
import dev.orion.catalog.application.ProductQuery;
import dev.orion.catalog.application.ProductPage;
import dev.orion.catalog.application.ProductView;
import dev.orion.catalog.domain.Availability;
import dev.orion.platform.rest.ApiCaller;
import dev.orion.platform.rest.Cursor;
import dev.orion.platform.rest.MergePatch;
import dev.orion.platform.rest.Preconditions;
import dev.orion.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The vendor's catalogue: cursor-paginated listing, conditional reads and writes, JSON Merge Patch. One instance
 * serves every request (it holds only injected services and proxies; the request's URI and preconditions come as
 * parameters): made per request, its creation and injection were a tenth of a page's time in Weld.
 */
@ApplicationScoped
@Path("products")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"vendor", "platform"})
@SecurityRequirement(name = "bearer")
@Tag(name = "products")
public class ProductsResource {

    @Inject
    ProductCatalog catalog;

    @Inject
    ProductListing listing;

    @Inject
    ProductImports imports;

    @Inject
    ApiCaller caller;

    @Inject
    Validator validator;

    public record ProductList(List<ProductJson> data, boolean hasMore, String nextCursor) {
    }

    @GET
    @APIResponse(responseCode = "200", description = "A page of products; Link: rel=next when there is more",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductList.class)))
    @Operation(operationId = "listProducts", summary = "List products")
    public Response list(@QueryParam("limit") @DefaultValue("25") int limit,
                         @QueryParam("cursor") String cursor,
                         @QueryParam("q") String text,
                         @QueryParam("updated_since") String updatedSince,
                         @QueryParam("availability") String availability,
                         @QueryParam("brand") String brand,
                         @QueryParam("vendor") Long vendor,
                         @Context UriInfo uri) {
        if (limit < 1 || limit > ProductListing.MAX_PAGE) {
            throw new BadRequestException("limit must be between 1 and " + ProductListing.MAX_PAGE);
        }
        var query = ProductQuery.of(text, QueryParams.timestamp("updated_since", updatedSince), availability(availability), brand);
        ProductPage page = listing.after(caller.vendorScope(vendor), query, Cursor.decode(cursor), limit);
        String next = page.hasMore() ? Cursor.encode(page.nextAfterId()) : null;
        var response = Response.ok(new ProductList(page.items().stream().map(ProductJson::of).toList(), page.hasMore(), next));
        if (next != null) {
            response.links(Link.fromUriBuilder(uri.getRequestUriBuilder().replaceQueryParam("cursor", next)).rel("next").build());
        }
        return response.build();
    }

    @GET
    @Path("{sku}")
    @APIResponse(responseCode = "200", description = "The product, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductJson.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the If-None-Match ETag")
    @Operation(operationId = "getProduct", summary = "Get a product")
    public Response get(@PathParam("sku") String sku, @QueryParam("vendor") Long vendor, @Context Request request) {
        ProductView product = catalog.find(caller.vendorScope(vendor), sku).orElseThrow(NotFoundException::new);
        var etag = new EntityTag(ProductJson.etag(product));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.build(); // 304 for a matching If-None-Match
        }
        return Response.ok(ProductJson.of(product)).tag(etag).build();
    }

    /** A product's issues from the latest import that named it; a later import that names it clean closes them. */
    public record ProductIssues(String sku, List<OpenIssueJson> issues) {
    }

    /** One open issue, and the import that reported it. */
    public record OpenIssueJson(String code, String severity, String attribute, String value, String reason, long importId,
                                long line, java.time.Instant reportedAt) {
    }

    @GET
    @Path("{sku}/issues")
    @APIResponse(responseCode = "200", description = "The product's open issues from its latest import (empty when it had none)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductIssues.class)))
    @APIResponse(responseCode = "404", description = "No such product, and no issue under that SKU")
    @Operation(operationId = "listProductIssues", summary = "List a product's open feed issues")
    public ProductIssues issues(@PathParam("sku") String sku, @QueryParam("vendor") Long vendor) {
        var open = imports.openIssues(caller.vendorScope(vendor), sku).orElseThrow(NotFoundException::new);
        return new ProductIssues(sku, open.stream().map(o -> new OpenIssueJson(o.issue().code(), o.issue().severity(),
                o.issue().column(), o.issue().value(), o.issue().reason(), o.importId(), o.issue().line(), o.reportedAt())).toList());
    }

    /** Create or replace. If-Match makes it conditional (412 when stale); If-None-Match: * makes it create-only. */
    @PUT
    @Path("{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductJson.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductJson.class)))
    @Operation(operationId = "putProduct", summary = "Create or replace a product")
    public Response put(@PathParam("sku") String sku, @Valid @NotNull ProductBody body, @QueryParam("vendor") Long vendor,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context UriInfo uri) {
        long vendorId = caller.vendorScope(vendor);
        if ("*".equals(ifNoneMatch) && catalog.find(vendorId, sku).isPresent()) {
            throw Preconditions.failed("Product " + sku + " already exists");
        }
        var write = catalog.replace(vendorId, body.toUpsert(requireSku(sku)), Preconditions.expectedVersion(ifMatch), caller.actor());
        var response = write.created()
                ? Response.created(uri.getAbsolutePathBuilder().build())
                : Response.ok();
        return response.entity(ProductJson.of(write.product())).tag(new EntityTag(ProductJson.etag(write.product()))).build();
    }

    /** RFC 7396 JSON Merge Patch: members set replace, members set to null are cleared, absent ones stay. */
    @PATCH
    @Path("{sku}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Transactional
    @APIResponse(responseCode = "200", description = "Patched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductJson.class)))
    @Operation(operationId = "updateProduct", summary = "Update a product (JSON Merge Patch)")
    public Response patch(@PathParam("sku") String sku, @NotNull MergePatch mergePatch, @QueryParam("vendor") Long vendor,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        JsonObject patch = mergePatch.document();
        long vendorId = caller.vendorScope(vendor);
        ProductView current = catalog.find(vendorId, sku).orElseThrow(NotFoundException::new);
        Long expected = Preconditions.expectedVersion(ifMatch);
        if (expected != null && expected != current.version()) {
            throw Preconditions.failed("Product " + sku + " has changed; fetch it again and retry");
        }
        JsonValue merged = Json.createMergePatch(patch).apply(ProductBody.of(current).toJson());
        if (merged.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new BadRequestException("A merge patch for a product must be a JSON object");
        }
        ProductBody body = ProductBody.fromJson(merged.asJsonObject());
        var violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        var write = catalog.patch(vendorId, body.toUpsert(sku), current.version(), patch.keySet(), caller.actor());
        return Response.ok(ProductJson.of(write.product())).tag(new EntityTag(ProductJson.etag(write.product()))).build();
    }

    @DELETE
    @Path("{sku}")
    @Transactional
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(operationId = "deleteProduct", summary = "Delete a product")
    public Response delete(@PathParam("sku") String sku, @QueryParam("vendor") Long vendor,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long vendorId = caller.vendorScope(vendor);
        if (!catalog.delete(vendorId, sku, Preconditions.expectedVersion(ifMatch), caller.actor())) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }

    private static String requireSku(String sku) {
        if (sku.isBlank() || sku.length() > 100) {
            throw new BadRequestException("The SKU in the path must be 1 to 100 characters");
        }
        return sku;
    }

    private static Availability availability(String text) {
        try {
            return text == null || text.isBlank() ? null : Availability.fromWire(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
