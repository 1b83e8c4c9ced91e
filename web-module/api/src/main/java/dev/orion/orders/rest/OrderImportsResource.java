package dev.orion.orders.rest;

import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.orders.application.OrderImports;
import dev.orion.platform.rest.ApiCaller;
import dev.orion.platform.rest.ImportResponses;
import dev.orion.platform.rest.ImportStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Marketplace order imports: upload an orders feed (JSON Lines; multipart, or the file as the body) or name
 * its URL, then follow the import: status, counts (orders already known are "filtered"), progress, rejects.
 */
@Path("order-imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"vendor", "platform"})
@SecurityRequirement(name = "bearer")
@Tag(name = "order-imports")
public class OrderImportsResource {

    static final String JSON_LINES = "application/jsonl";
    static final String NDJSON = "application/x-ndjson";

    @Inject
    OrderImports imports;

    @Inject
    ApiCaller caller;

    @Context
    UriInfo uri;

    /** Body of an import from a URL that Orion fetches. */
    @Schema(name = "OrderImportFromUrl")
    public record FromUrl(@NotBlank @Size(max = 2000) String url) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @APIResponse(responseCode = "202", description = "Import started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportStatus.class)))
    @Operation(operationId = "startOrderImport", summary = "Start an order feed import")
    public Response upload(List<EntityPart> parts, @QueryParam("vendor") Long vendor,
                           @QueryParam("skip_limit") Integer skipLimit) throws IOException {
        EntityPart file = parts.stream().filter(p -> "file".equals(p.getName())).findFirst()
                .orElseThrow(() -> new BadRequestException("The multipart body needs a part named 'file' holding the orders feed"));
        try (InputStream feed = file.getContent()) {
            long vendorId = caller.vendorScope(vendor);
            return accepted(vendorId, imports.start(vendorId, feed, skipLimit, "upload " + file.getFileName().orElse("orders"), caller.actor()));
        }
    }

    @POST
    @Consumes({JSON_LINES, NDJSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @APIResponse(responseCode = "202", description = "Import started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportStatus.class)))
    @Operation(operationId = "startOrderImport", summary = "Start an order feed import")
    public Response uploadRaw(InputStream feed, @QueryParam("vendor") Long vendor, @QueryParam("skip_limit") Integer skipLimit) {
        long vendorId = caller.vendorScope(vendor);
        return accepted(vendorId, imports.start(vendorId, feed, skipLimit, "upload", caller.actor()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "Import started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportStatus.class)))
    @Operation(operationId = "startOrderImport", summary = "Start an order feed import")
    public Response fromUrl(@Valid @NotNull FromUrl body, @QueryParam("vendor") Long vendor, @QueryParam("skip_limit") Integer skipLimit) {
        long vendorId = caller.vendorScope(vendor);
        return accepted(vendorId, imports.startFromUrl(vendorId, ImportResponses.feedUrl(body.url()), skipLimit, caller.actor()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getOrderImport", summary = "Get an order import")
    public ImportStatus get(@PathParam("id") long id, @QueryParam("vendor") Long vendor) {
        long vendorId = caller.vendorScope(vendor);
        return imports.find(vendorId, id).map(e -> status(id, e)).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("{id}/rejects")
    @Produces("text/csv")
    @APIResponse(responseCode = "200", description = "Rejected lines and warnings as CSV: line, column, value, reason, severity",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "getOrderImportRejects", summary = "Download an order import's rejected rows")
    public Response rejects(@PathParam("id") long id, @QueryParam("vendor") Long vendor) {
        JobExecutionView execution = imports.find(caller.vendorScope(vendor), id).orElseThrow(NotFoundException::new);
        return ImportResponses.rejectsCsv("order-import-" + id + "-rejects.csv", writer -> imports.writeRejects(execution, writer));
    }

    private Response accepted(long vendorId, long id) {
        return Response.accepted(imports.find(vendorId, id).map(e -> status(id, e)).orElse(null))
                .location(ImportResponses.location(uri, OrderImportsResource.class, id)).build();
    }

    private ImportStatus status(long id, JobExecutionView e) {
        return ImportResponses.status(uri, OrderImportsResource.class, id, e);
    }
}
