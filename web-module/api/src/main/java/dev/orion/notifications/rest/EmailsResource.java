package dev.orion.notifications.rest;

import dev.orion.platform.rest.ApiCaller;
import dev.orion.notifications.application.EmailOutbox;
import dev.orion.notifications.application.OutboxEmailView;
import dev.orion.notifications.domain.OutboxEmail;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The email outbox for platform clients: what was sent, what failed and why, and re-sending dead letters. */
@Path("emails")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("platform")
@SecurityRequirement(name = "bearer")
@Tag(name = "emails")
public class EmailsResource {

    @Inject
    EmailOutbox outbox;

    @Inject
    ApiCaller caller;

    public record EmailList(List<OutboxEmailView> data) {
    }

    public record Resent(int resent) {
    }

    @GET
    @Operation(operationId = "listEmails", summary = "List outgoing emails")
    public EmailList list(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("50") int limit) {
        return new EmailList(outbox.list(parse(status), limit));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getEmail", summary = "Get an outgoing email")
    public OutboxEmailView get(@PathParam("id") long id) {
        return outbox.find(id).orElseThrow(NotFoundException::new);
    }

    /** Puts a FAILED email back on the queue (409 for any other status). */
    @POST
    @Path("{id}/resend")
    @Operation(operationId = "resendEmail", summary = "Send an email again")
    public OutboxEmailView resend(@PathParam("id") long id) {
        return outbox.resend(caller.actor(), id).orElseThrow(NotFoundException::new);
    }

    /** Puts every FAILED email back on the queue. */
    @POST
    @Path("failed/resend")
    @Operation(operationId = "resendFailedEmails", summary = "Send every failed email again")
    public Resent resendAllFailed() {
        return new Resent(outbox.resendAllFailed(caller.actor()));
    }

    private static OutboxEmail.Status parse(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OutboxEmail.Status.valueOf(status.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("status must be one of " + Arrays.toString(OutboxEmail.Status.values()));
        }
    }
}
