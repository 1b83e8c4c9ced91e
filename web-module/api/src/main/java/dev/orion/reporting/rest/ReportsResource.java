package dev.orion.reporting.rest;

import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.platform.rest.ApiCaller;
import dev.orion.reporting.application.ReportFormat;
import dev.orion.reporting.application.SalesReportRequest;
import dev.orion.reporting.application.SalesReports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sales reports: ask for one, follow it, download it when it is ready. */
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"vendor", "platform"})
@SecurityRequirement(name = "bearer")
@Tag(name = "reports")
public class ReportsResource {

    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

    @Inject
    SalesReports reports;

    @Inject
    ApiCaller caller;

    @Context
    UriInfo uri;

    /** Body of a report request: a period of days (both included) and a format. */
    @Schema(example = "{\"from\":\"2026-01-01\",\"to\":\"2026-01-31\",\"format\":\"csv\"}")
    public record SalesReportBody(@NotNull @Pattern(regexp = DATE, message = "must be a date like 2026-01-31") String from,
                                  @NotNull @Pattern(regexp = DATE, message = "must be a date like 2026-01-31") String to,
                                  @NotNull @Pattern(regexp = "(?i)csv|pdf", message = "must be csv or pdf") String format) {
    }

    public record ReportStatus(long id, String type, String status, String format, Long vendorId, LocalDate from,
                               LocalDate to, Instant createdAt, Instant endedAt, String contentUrl, Integer queuePosition) {
    }

    @POST
    @Path("sales")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "Report requested",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportStatus.class)))
    @Operation(operationId = "createSalesReport", summary = "Request a sales report")
    public Response requestSales(@Valid @NotNull SalesReportBody body, @QueryParam("vendor") Long vendor) {
        Long vendorId = caller.vendorScopeOrAll(vendor);
        var request = new SalesReportRequest(vendorId, parseDate("from", body.from()), parseDate("to", body.to()),
                ReportFormat.parse(body.format()));
        long id = reports.request(caller.actor(), request);
        var location = uri.getBaseUriBuilder().path(ReportsResource.class).path(Long.toString(id)).build();
        return Response.accepted(find(id)).location(location).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getReport", summary = "Get a report")
    public ReportStatus get(@PathParam("id") long id) {
        return find(id);
    }

    @GET
    @Path("{id}/content")
    @Produces({"text/csv", "application/pdf", MediaType.APPLICATION_JSON})
    @APIResponse(responseCode = "200", description = "The report file, CSV or PDF as requested",
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                       @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Operation(operationId = "getReportContent", summary = "Download a report's content")
    public Response content(@PathParam("id") long id) {
        JobExecutionView report = execution(id);
        if (!"COMPLETED".equals(report.batchStatus())) {
            throw new ClientErrorException("Report " + id + " is " + report.status() + "; its content exists once it is COMPLETED",
                    Response.Status.CONFLICT);
        }
        var format = ReportFormat.valueOf(report.parameters().get("format"));
        StreamingOutput file = out -> {
            try (InputStream in = reports.open(report)) {
                in.transferTo(out);
            }
        };
        return Response.ok(file, format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"sales-report-" + id + "." + format.extension() + "\"")
                .build();
    }

    private ReportStatus find(long id) {
        JobExecutionView e = execution(id);
        var request = SalesReportRequest.fromJobParameters(e.parameters());
        String content = "COMPLETED".equals(e.batchStatus())
                ? uri.getBaseUriBuilder().path(ReportsResource.class).path(Long.toString(id)).path("content").build().toString()
                : null;
        return new ReportStatus(id, "sales", e.status(), request.format().extension(), request.vendorId(),
                request.from(), request.to(), e.createTime(), e.endTime(), content, e.queuePosition());
    }

    private JobExecutionView execution(long id) {
        return reports.find(caller.vendorScopeOrAll(null), id).orElseThrow(NotFoundException::new);
    }

    private static LocalDate parseDate(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not a valid date: " + text);
        }
    }
}
