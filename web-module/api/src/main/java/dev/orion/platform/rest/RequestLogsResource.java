package dev.orion.platform.rest;

import dev.orion.platform.requestlog.ApiRequest;
import dev.orion.platform.requestlog.RequestLogFilter;
import dev.orion.platform.requestlog.RequestLogSearch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The calling client's own request log (what Stripe's dashboard shows): its requests of the last days, newest
 * first, with method, route template, status, duration, idempotency key, replay and correlation id. Always the
 * caller's own entries, whatever its role; staff see every client's in the console.
 */
@Path("request-logs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"vendor", "platform"})
@SecurityRequirement(name = "bearer")
@Tag(name = "request-logs")
public class RequestLogsResource {

    @EJB
    RequestLogSearch search;

    @Inject
    ApiCaller caller;

    @Schema(name = "RequestLogEntry", example = "{\"id\":90211,\"method\":\"POST\",\"route\":\"/api/v1/orders\",\"status\":422,"
            + "\"duration_ms\":14.2,\"idempotency_key\":\"order-7781-a\",\"replayed\":false,"
            + "\"correlation_id\":\"5b0e2c8a-3f4d-4e21-9a77-1c2d3e4f5a6b\",\"requested_at\":\"2026-02-01T10:00:00Z\"}")
    public record Entry(long id, String method, String route, int status, double durationMs, String idempotencyKey,
                        boolean replayed, String correlationId, OffsetDateTime requestedAt) {

        static Entry of(ApiRequest r) {
            return new Entry(r.id(), r.method(), r.route(), r.status(), r.durationMicros() / 1000.0, r.idempotencyKey(),
                    r.replayed(), r.correlationId(), r.requestedAt());
        }
    }

    @Schema(name = "RequestLogList")
    public record EntryList(List<Entry> data, boolean hasMore, String nextCursor) {
    }

    @GET
    @Operation(operationId = "listRequestLogs", summary = "List the calling client's recent requests")
    public EntryList list(@QueryParam("status_class") String statusClass, @QueryParam("route") String route,
                          @QueryParam("requested_from") String from, @QueryParam("requested_to") String to,
                          @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("cursor") String cursor) {
        if (limit < 1 || limit > 200) {
            throw new BadRequestException("limit must be between 1 and 200");
        }
        Integer status;
        try {
            status = RequestLogFilter.statusClass(statusClass);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        var filter = new RequestLogFilter(caller.clientId(), status, route,
                QueryParams.timestamp("requested_from", from), QueryParams.timestamp("requested_to", to));
        List<ApiRequest> found = search.before(filter, Cursor.decode(cursor), limit + 1);
        boolean more = found.size() > limit;
        List<ApiRequest> page = more ? found.subList(0, limit) : found;
        return new EntryList(page.stream().map(Entry::of).toList(), more, more ? Cursor.encode(page.get(page.size() - 1).id()) : null);
    }
}
