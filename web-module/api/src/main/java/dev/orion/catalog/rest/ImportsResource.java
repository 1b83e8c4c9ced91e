package dev.orion.catalog.rest;

import dev.orion.catalog.application.ProductImports;
import dev.orion.identity.rest.ApiCaller;
import dev.orion.platform.audit.AuditLog;
import dev.orion.platform.batch.JobExecutionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.io.InputStream;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Product feed imports: upload a feed, then follow the import job it started. */
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"vendor", "platform"})
@SecurityRequirement(name = "bearer")
public class ImportsResource {

    @Inject
    ProductImports imports;

    @Inject
    ApiCaller caller;

    @Inject
    AuditLog audit;

    @Context
    UriInfo uri;

    public record ImportStatus(long id, String status, String exitStatus, long rowsRead, long rowsWritten,
                               long rowsSkipped, Instant createdAt, Instant startedAt, Instant endedAt) {

        static ImportStatus of(JobExecutionView e) {
            return new ImportStatus(e.executionId(), e.batchStatus(), e.exitStatus(), e.readCount(), e.writeCount(),
                    e.skipCount(), e.createTime(), e.startTime(), e.endTime());
        }
    }

    @POST
    @Consumes({"text/tab-separated-values", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(InputStream feed, @QueryParam("vendor") Long vendor) {
        long vendorId = caller.vendorScope(vendor);
        long id = imports.start(vendorId, feed);
        audit.record(caller.actor(), vendorId, "import.start", "import", id, null);
        var location = uri.getBaseUriBuilder().path(ImportsResource.class).path(Long.toString(id)).build();
        return Response.accepted(imports.find(vendorId, id).map(ImportStatus::of).orElse(null)).location(location).build();
    }

    @GET
    @Path("{id}")
    public ImportStatus get(@PathParam("id") long id, @QueryParam("vendor") Long vendor) {
        return imports.find(caller.vendorScope(vendor), id).map(ImportStatus::of).orElseThrow(NotFoundException::new);
    }
}
