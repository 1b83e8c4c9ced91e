package dev.orion.operations.rest;

import dev.orion.platform.jobs.BatchJobs;
import dev.orion.platform.jobs.ExecutionQuery;
import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.audit.AuditLog;
import dev.orion.platform.rest.ApiCaller;
import dev.orion.platform.rest.Cursor;
import dev.orion.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The batch monitor for platform clients: job executions and their steps for any platform client (scope
 * {@code batch:read}, which a read-only client has alone), and stop, restart and abandon for those that operate
 * ({@code batch:operate}). A read-only client is refused (403) before anything runs, so nothing is audited.
 */
@Path("batch/executions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(BatchResource.READ)
@SecurityRequirement(name = "bearer")
@Tag(name = "batch-executions")
public class BatchResource {

    static final String READ = "batch:read";
    static final String OPERATE = "batch:operate";
    private static final Set<String> STATUSES =
            Set.of("STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED", "COMPLETED", "ABANDONED");

    @EJB
    BatchJobs jobs;

    @Inject
    ApiCaller caller;

    @Inject
    AuditLog audit;

    @Context
    UriInfo uri;

    public record ExecutionList(List<JobExecutionJson> data, boolean hasMore, String nextCursor) {
    }

    public record StepList(List<StepExecutionJson> data) {
    }

    @GET
    @Operation(operationId = "listBatchExecutions", summary = "List batch job executions")
    public ExecutionList list(@QueryParam("job_name") String jobName, @QueryParam("status") String status,
                              @QueryParam("created_from") String from, @QueryParam("created_to") String to,
                              @QueryParam("limit") @DefaultValue("25") int limit, @QueryParam("cursor") String cursor) {
        if (limit < 1 || limit > 100) {
            throw new BadRequestException("limit must be between 1 and 100");
        }
        var query = new ExecutionQuery(blankToNull(jobName), status(status), instant(QueryParams.timestamp("created_from", from)),
                instant(QueryParams.timestamp("created_to", to)), Cursor.decode(cursor), limit + 1);
        List<JobExecutionView> found = jobs.executions(query);
        boolean more = found.size() > limit;
        List<JobExecutionView> page = more ? found.subList(0, limit) : found;
        return new ExecutionList(page.stream().map(JobExecutionJson::of).toList(), more,
                more ? Cursor.encode(page.get(page.size() - 1).executionId()) : null);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getBatchExecution", summary = "Get a batch job execution")
    public JobExecutionJson get(@PathParam("id") long id) {
        return jobs.execution(id).map(JobExecutionJson::of).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("{id}/steps")
    @Operation(operationId = "listBatchExecutionSteps", summary = "List a batch job execution's steps")
    public StepList steps(@PathParam("id") long id) {
        get(id);
        return new StepList(jobs.steps(id).stream().map(StepExecutionJson::of).toList());
    }

    @POST
    @Path("{id}/stop")
    @RolesAllowed(OPERATE)
    @APIResponse(responseCode = "202", description = "Stopping after the current chunk",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobExecutionJson.class)))
    @Operation(operationId = "stopBatchExecution", summary = "Stop a running batch job execution")
    public Response stop(@PathParam("id") long id) {
        get(id);
        jobs.stop(id);
        audit.record(caller.actor(), null, "batch.stop", "job_execution", id, null);
        return Response.accepted(get(id)).build();
    }

    @POST
    @Path("{id}/restart")
    @RolesAllowed(OPERATE)
    @APIResponse(responseCode = "202", description = "Restarted as a new execution (see Location)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobExecutionJson.class)))
    @Operation(operationId = "restartBatchExecution", summary = "Restart a stopped or failed batch job execution")
    public Response restart(@PathParam("id") long id) {
        get(id);
        long restarted = jobs.restart(id);
        audit.record(caller.actor(), null, "batch.restart", "job_execution", id, "as execution " + restarted);
        return Response.accepted(get(restarted))
                .location(uri.getBaseUriBuilder().path(BatchResource.class).path(Long.toString(restarted)).build()).build();
    }

    @POST
    @Path("{id}/abandon")
    @RolesAllowed(OPERATE)
    @Operation(operationId = "abandonBatchExecution", summary = "Abandon a batch job execution")
    public JobExecutionJson abandon(@PathParam("id") long id) {
        get(id);
        jobs.abandon(id);
        audit.record(caller.actor(), null, "batch.abandon", "job_execution", id, null);
        return get(id);
    }

    private static String status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String status = text.strip().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw new BadRequestException("status must be one of " + String.join(", ", STATUSES.stream().sorted().toList()));
        }
        return status;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
