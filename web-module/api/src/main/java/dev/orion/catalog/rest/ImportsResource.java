package dev.orion.catalog.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Product feed imports: upload a feed (multipart, or the raw file as the body) or name its URL, then follow
 * the import job it started: status, counts, progress and the rejected rows.
 */
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"vendor", "platform"})
@SecurityRequirement(name = "bearer")
public class ImportsResource {

    static final String FEED_TYPES = "text/tab-separated-values";

    @Inject
    ProductImports imports;

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
    public Response upload(List<EntityPart> parts, @QueryParam("vendor") Long vendor,
                           @QueryParam("mode") @DefaultValue("update") String mode,
                           @QueryParam("skip_limit") Integer skipLimit) throws IOException {
        EntityPart file = parts.stream().filter(p -> "file".equals(p.getName())).findFirst()
                .orElseThrow(() -> new BadRequestException("The multipart body needs a part named 'file' holding the feed"));
        try (InputStream feed = file.getContent()) {
            return started(caller.vendorScope(vendor), feed, mode, skipLimit, "upload " + file.getFileName().orElse("feed"));
        }
    }

    @POST
    @Consumes({FEED_TYPES, "text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @APIResponse(responseCode = "202", description = "Import started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportStatus.class)))
    @APIResponse(responseCode = "422", description = "The feed is in none of the formats Orion reads (unsupported-feed-format):"
            + " the problem names each supported format and the columns it expects; no job was started")
    public Response uploadRaw(InputStream feed, @QueryParam("vendor") Long vendor,
                              @QueryParam("mode") @DefaultValue("update") String mode,
                              @QueryParam("skip_limit") Integer skipLimit) {
        return started(caller.vendorScope(vendor), feed, mode, skipLimit, "upload");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "Import started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportStatus.class)))
    public Response fromUrl(@Valid @NotNull ImportFromUrl body, @QueryParam("vendor") Long vendor,
                            @QueryParam("mode") @DefaultValue("update") String mode,
                            @QueryParam("skip_limit") Integer skipLimit) {
        long vendorId = caller.vendorScope(vendor);
        return accepted(vendorId, imports.startFromUrl(vendorId, ImportResponses.feedUrl(body.url()), mode, skipLimit, caller.actor()));
    }

    @GET
    @Path("{id}")
    public ImportStatus get(@PathParam("id") long id, @QueryParam("vendor") Long vendor) {
        long vendorId = caller.vendorScope(vendor);
        return imports.find(vendorId, id).map(e -> status(id, e)).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("{id}/rejects")
    @Produces("text/csv")
    @APIResponse(responseCode = "200", description = "Rejected rows as CSV: line, column, value, reason, severity",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Response rejects(@PathParam("id") long id, @QueryParam("vendor") Long vendor) {
        long vendorId = caller.vendorScope(vendor);
        JobExecutionView execution = imports.find(vendorId, id).orElseThrow(NotFoundException::new);
        return ImportResponses.rejectsCsv("import-" + id + "-rejects.csv", writer -> imports.writeRejects(execution, writer));
    }

    private Response started(long vendorId, InputStream feed, String mode, Integer skipLimit, String source) {
        return accepted(vendorId, imports.start(vendorId, feed, mode, skipLimit, source, caller.actor()));
    }

    private Response accepted(long vendorId, long id) {
        return Response.accepted(imports.find(vendorId, id).map(e -> status(id, e)).orElse(null))
                .location(ImportResponses.location(uri, ImportsResource.class, id)).build();
    }

    private ImportStatus status(long id, JobExecutionView e) {
        return ImportResponses.status(uri, ImportsResource.class, id, e);
    }
}
