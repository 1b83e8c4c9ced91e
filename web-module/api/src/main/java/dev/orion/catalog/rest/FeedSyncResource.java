package dev.orion.catalog.rest;

import dev.orion.catalog.application.FeedSyncAttemptView;
import dev.orion.catalog.application.FeedSyncSettings;
import dev.orion.catalog.application.FeedSyncView;
import dev.orion.catalog.application.FeedSyncs;
import dev.orion.platform.rest.ApiCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A vendor's scheduled product-feed sync: its settings (credentials go in, never come out), sync now, and the
 * history of attempts (FETCHED, SKIPPED, FAILED). Platform clients name the vendor with {@code ?vendor=}.
 */
@Path("feed-sync")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"vendor", "platform"})
@SecurityRequirement(name = "bearer")
@Tag(name = "feed-sync")
public class FeedSyncResource {

    @Inject
    FeedSyncs syncs;

    @Inject
    ApiCaller caller;

    @Context
    UriInfo uri;

    public record AttemptList(List<FeedSyncAttemptView> data) {
    }

    @GET
    @Operation(operationId = "getFeedSync", summary = "Get the vendor's scheduled feed sync")
    public FeedSyncView get(@QueryParam("vendor") Long vendor) {
        return syncs.find(caller.vendorScope(vendor)).orElseThrow(() -> new NotFoundException("The vendor has no feed sync"));
    }

    /** Creates or replaces the feed sync; {@code credentials} left out keep the stored ones, type {@code none} removes them. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putFeedSync", summary = "Create or replace the vendor's scheduled feed sync")
    public FeedSyncView put(@NotNull FeedSyncSettings body, @QueryParam("vendor") Long vendor) {
        return syncs.save(caller.vendorScope(vendor), body, caller.actor());
    }

    /** Syncs now, in the background; 409 while a sync of this vendor is running. The attempt shows in the history. */
    @POST
    @Path("run")
    @APIResponse(responseCode = "202", description = "Sync started; its attempt appears in the history when it ends")
    @Operation(operationId = "runFeedSync", summary = "Sync the feed now")
    public Response run(@QueryParam("vendor") Long vendor) {
        long vendorId = caller.vendorScope(vendor);
        syncs.runNow(vendorId, caller.actor());
        return Response.accepted().location(uri.getBaseUriBuilder().path(FeedSyncResource.class).path("history")
                .queryParam("vendor", vendorId).build()).build();
    }

    @GET
    @Path("history")
    @Operation(operationId = "listFeedSyncAttempts", summary = "List the feed sync's attempts")
    public AttemptList history(@QueryParam("vendor") Long vendor, @QueryParam("limit") @DefaultValue("50") int limit) {
        return new AttemptList(syncs.history(caller.vendorScope(vendor), limit));
    }
}
