package dev.orion.catalog.rest;

import dev.orion.catalog.application.ImportPreview;
import dev.orion.catalog.application.ImportReverts;
import dev.orion.catalog.application.ProductImports;
import dev.orion.platform.jobs.JobExecutionView;
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
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Product feed imports: upload a feed (multipart, or the raw file as the body) or name its URL, then follow
 * the import job it started: status, counts, progress and the rejected rows.
 */
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"vendor", "platform"})
@SecurityRequirement(name = "bearer")
@Tag(name = "imports")
public class ImportsResource {

    static final String FEED_TYPES = "text/tab-separated-values";

    @Inject
    ProductImports imports;

    @Inject
    ImportReverts reverts;

    @Inject
    ApiCaller caller;

    @Context
    UriInfo uri;

    /** Body of an import from a URL that Orion fetches. */
    public record ImportFromUrl(@NotBlank @Size(max = 2000) String url) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @APIResponse(responseCode = "202", description = "Import started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportStatus.class)))
    @Operation(operationId = "startProductImport", summary = "Start a product feed import")
    public Response upload(List<EntityPart> parts, @QueryParam("vendor") Long vendor,
                           @QueryParam("mode") @DefaultValue("update") String mode,
                           @QueryParam("skip_limit") Integer skipLimit,
                           @QueryParam("dry_run") @DefaultValue("false") boolean dryRun) throws IOException {
        EntityPart file = parts.stream().filter(p -> "file".equals(p.getName())).findFirst()
                .orElseThrow(() -> new BadRequestException("The multipart body needs a part named 'file' holding the feed"));
        try (InputStream feed = file.getContent()) {
            return started(caller.vendorScope(vendor), feed, mode, skipLimit, dryRun, "upload " + file.getFileName().orElse("feed"));
        }
    }

    @POST
    @Consumes({FEED_TYPES, "text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @APIResponse(responseCode = "202", description = "Import started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportStatus.class)))
    @Operation(operationId = "startProductImport", summary = "Start a product feed import")
    @APIResponse(responseCode = "422", description = "The feed is in none of the formats Orion reads (unsupported-feed-format):"
            + " the problem names each supported format and the columns it expects; no job was started")
    public Response uploadRaw(InputStream feed, @QueryParam("vendor") Long vendor,
                              @QueryParam("mode") @DefaultValue("update") String mode,
                              @QueryParam("skip_limit") Integer skipLimit,
                              @QueryParam("dry_run") @DefaultValue("false") boolean dryRun) {
        return started(caller.vendorScope(vendor), feed, mode, skipLimit, dryRun, "upload");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "Import started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportStatus.class)))
    @Operation(operationId = "startProductImport", summary = "Start a product feed import")
    public Response fromUrl(@Valid @NotNull ImportFromUrl body, @QueryParam("vendor") Long vendor,
                            @QueryParam("mode") @DefaultValue("update") String mode,
                            @QueryParam("skip_limit") Integer skipLimit,
                            @QueryParam("dry_run") @DefaultValue("false") boolean dryRun) {
        long vendorId = caller.vendorScope(vendor);
        return accepted(vendorId, imports.startFromUrl(vendorId, ImportResponses.feedUrl(body.url()), mode, skipLimit, dryRun, caller.actor()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getProductImport", summary = "Get a product import")
    public ImportStatus get(@PathParam("id") long id, @QueryParam("vendor") Long vendor) {
        long vendorId = caller.vendorScope(vendor);
        return imports.find(vendorId, id).map(e -> status(id, e)).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("{id}/rejects")
    @Produces("text/csv")
    @APIResponse(responseCode = "200", description = "Rejected rows as CSV: line, column, value, reason, severity",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @Operation(operationId = "getProductImportRejects", summary = "Download a product import's rejected rows")
    public Response rejects(@PathParam("id") long id, @QueryParam("vendor") Long vendor) {
        long vendorId = caller.vendorScope(vendor);
        JobExecutionView execution = imports.find(vendorId, id).orElseThrow(NotFoundException::new);
        return ImportResponses.rejectsCsv("import-" + id + "-rejects.csv", writer -> imports.writeRejects(execution, writer));
    }

    /** What a dry run found; 404 for an import that is not a dry run. Counts grow while it runs. */
    @GET
    @Path("{id}/preview")
    @APIResponse(responseCode = "200", description = "What the dry run's feed would change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreviewJson.class)))
    @Operation(operationId = "getProductImportPreview", summary = "Get what a dry run would change")
    public PreviewJson preview(@PathParam("id") long id, @QueryParam("vendor") Long vendor) {
        long vendorId = caller.vendorScope(vendor);
        JobExecutionView execution = imports.find(vendorId, id).filter(ProductImports::isDryRun).orElseThrow(NotFoundException::new);
        ImportPreview preview = imports.preview(execution).orElse(null);
        String applyUrl = uri.getBaseUriBuilder().path(ImportsResource.class).path(Long.toString(id)).path("apply").build().toString();
        return PreviewJson.of(id, execution, preview, applyUrl, ImportResponses.location(uri, ImportsResource.class, id).toString());
    }

    /** Imports the stored file of a completed dry run: 202 with the new import, 409 when it cannot be applied. */
    @POST
    @Path("{id}/apply")
    @APIResponse(responseCode = "202", description = "The import of the dry run's file started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportStatus.class)))
    @APIResponse(responseCode = "409", description = "Not a completed dry run, already applied, or its feed is no longer stored")
    @Operation(operationId = "applyProductImportDryRun", summary = "Apply a dry run: import the same file")
    public Response apply(@PathParam("id") long id, @QueryParam("vendor") Long vendor) {
        long vendorId = caller.vendorScope(vendor);
        JobExecutionView dryRun = imports.find(vendorId, id).orElseThrow(NotFoundException::new);
        return accepted(vendorId, imports.apply(vendorId, id, dryRun, caller.actor()));
    }

    /**
     * Reverts a completed or failed import: what it changed gets its values from before, what it created goes;
     * products changed by someone else since are conflicts, left alone. 409 when it cannot be reverted.
     */
    @POST
    @Path("{id}/revert")
    @APIResponse(responseCode = "200", description = "The import was reverted: counts and the conflicting SKUs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevertJson.class)))
    @APIResponse(responseCode = "409", description = "A dry run, not ended (completed or failed), already reverted, or its revert data was purged")
    @Operation(operationId = "revertProductImport", summary = "Revert a product import")
    public RevertJson revert(@PathParam("id") long id, @QueryParam("vendor") Long vendor) {
        long vendorId = caller.vendorScope(vendor);
        JobExecutionView execution = imports.find(vendorId, id).orElseThrow(NotFoundException::new);
        return RevertJson.of(reverts.revert(vendorId, id, execution, caller.actor()));
    }

    /** The import's rejected rows and warnings grouped by issue code, with counts and three example lines each. */
    @GET
    @Path("{id}/issues/summary")
    @APIResponse(responseCode = "200", description = "Issues grouped by code, attribute and severity",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssueSummaryJson.class)))
    @Operation(operationId = "getProductImportIssueSummary", summary = "Get a product import's issues grouped by code")
    public IssueSummaryJson issueSummary(@PathParam("id") long id, @QueryParam("vendor") Long vendor) {
        long vendorId = caller.vendorScope(vendor);
        JobExecutionView execution = imports.find(vendorId, id).orElseThrow(NotFoundException::new);
        return IssueSummaryJson.of(id, imports.issueSummary(execution));
    }

    private Response started(long vendorId, InputStream feed, String mode, Integer skipLimit, boolean dryRun, String source) {
        return accepted(vendorId, imports.start(vendorId, feed, mode, skipLimit, dryRun, source, caller.actor()));
    }

    private Response accepted(long vendorId, long id) {
        return Response.accepted(imports.find(vendorId, id).map(e -> status(id, e)).orElse(null))
                .location(ImportResponses.location(uri, ImportsResource.class, id)).build();
    }

    private ImportStatus status(long id, JobExecutionView e) {
        return ImportResponses.status(uri, ImportsResource.class, id, e, ProductImports.isDryRun(e));
    }
}
