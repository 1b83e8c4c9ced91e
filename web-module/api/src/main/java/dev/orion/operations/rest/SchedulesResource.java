package dev.orion.operations.rest;

import dev.orion.operations.scheduling.Schedule;
import dev.orion.operations.scheduling.ScheduleChange;
import dev.orion.operations.scheduling.ScheduleRunView;
import dev.orion.operations.scheduling.ScheduleView;
import dev.orion.operations.scheduling.Schedules;
import dev.orion.platform.audit.AuditLog;
import dev.orion.platform.rest.ApiCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Schedules for platform clients: read and change them (effective at once), pause, resume, run now, history. */
@Path("schedules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("platform")
@SecurityRequirement(name = "bearer")
@Tag(name = "schedules")
public class SchedulesResource {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Schedules schedules;

    @Inject
    ApiCaller caller;

    @Inject
    AuditLog audit;

    public record ScheduleList(List<ScheduleView> data) {
    }

    public record RunList(List<ScheduleRunView> data) {
    }

    public record Preview(List<OffsetDateTime> next) {
    }

    /** A schedule's settings; calendar fields left out take EJB's defaults (0 for second, minute, hour; * for the rest). */
    @Schema(name = "ScheduleSettings")
    public record ScheduleBody(String second, String minute, String hour, String dayOfMonth, String month,
                               String dayOfWeek, String year, String timeZone, Boolean enabled,
                               Map<String, String> parameters, String misfirePolicy) {

        ScheduleChange change() {
            Schedule.MisfirePolicy policy;
            try {
                policy = Schedule.MisfirePolicy.valueOf((misfirePolicy == null ? "RUN_ONCE" : misfirePolicy).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("misfire_policy must be RUN_ONCE or SKIP");
            }
            return new ScheduleChange(or(second, "0"), or(minute, "0"), or(hour, "0"), or(dayOfMonth, "*"), or(month, "*"),
                    or(dayOfWeek, "*"), or(year, "*"), or(timeZone, "UTC"), enabled == null || enabled,
                    JSON.toJson(parameters == null ? Map.of() : parameters), policy);
        }

        private static String or(String value, String fallback) {
            return value == null ? fallback : value.strip();
        }
    }

    @GET
    @Operation(operationId = "listSchedules", summary = "List the scheduled tasks")
    public ScheduleList list() {
        return new ScheduleList(schedules.list());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSchedule", summary = "Get a scheduled task")
    public ScheduleView get(@PathParam("id") long id) {
        return schedules.find(id).orElseThrow(NotFoundException::new);
    }

    /** Replaces the schedule's settings; the new timer takes effect at once. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateSchedule", summary = "Change a scheduled task's schedule")
    public ScheduleView change(@PathParam("id") long id, @Valid @NotNull ScheduleBody body) {
        ScheduleView changed = schedules.change(id, body.change()).orElseThrow(NotFoundException::new);
        audit.record(caller.actor(), null, "schedule.change", "schedule", id, describe(changed));
        return changed;
    }

    @POST
    @Path("{id}/pause")
    @Operation(operationId = "pauseSchedule", summary = "Pause a scheduled task")
    public ScheduleView pause(@PathParam("id") long id) {
        ScheduleView paused = schedules.pause(id).orElseThrow(NotFoundException::new);
        audit.record(caller.actor(), null, "schedule.pause", "schedule", id, paused.name());
        return paused;
    }

    @POST
    @Path("{id}/resume")
    @Operation(operationId = "resumeSchedule", summary = "Resume a scheduled task")
    public ScheduleView resume(@PathParam("id") long id) {
        ScheduleView resumed = schedules.resume(id).orElseThrow(NotFoundException::new);
        audit.record(caller.actor(), null, "schedule.resume", "schedule", id, resumed.name());
        return resumed;
    }

    /** Starts a run now; 409 while the previous run is still going. */
    @POST
    @Path("{id}/run")
    @APIResponse(responseCode = "202", description = "Run started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScheduleRunView.class)))
    @Operation(operationId = "runSchedule", summary = "Run a scheduled task now")
    public Response runNow(@PathParam("id") long id) {
        ScheduleRunView run = schedules.runNow(id).orElseThrow(NotFoundException::new);
        audit.record(caller.actor(), null, "schedule.run", "schedule", id, "run " + run.id());
        return Response.accepted(run).build();
    }

    @GET
    @Path("{id}/runs")
    @Operation(operationId = "listScheduleRuns", summary = "List a scheduled task's runs")
    public RunList runs(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("50") int limit) {
        schedules.find(id).orElseThrow(NotFoundException::new);
        return new RunList(schedules.history(id, limit));
    }

    /** The next five times settings would fire, without saving them (400 for an invalid expression). */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "previewSchedule", summary = "Preview a schedule's next run times")
    public Preview preview(@Valid @NotNull ScheduleBody body) {
        return new Preview(schedules.preview(body.change()));
    }

    private static String describe(ScheduleView s) {
        return String.join(" ", s.second(), s.minute(), s.hour(), s.dayOfMonth(), s.month(), s.dayOfWeek(), s.year())
                + " " + s.timeZone() + (s.enabled() ? "" : " (paused)");
    }
}
