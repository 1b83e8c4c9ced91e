package dev.orion.platform.rest;

import dev.orion.platform.DomainException;
import dev.orion.platform.observability.Correlation;
import dev.orion.platform.observability.ErrorTracking;
import dev.orion.platform.persistence.DatabaseAvailability;
import dev.orion.platform.persistence.DatabaseOutage;
import dev.orion.platform.persistence.DatabaseUnavailableException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that leaves a resource into an RFC 9457 problem document. A capability's refusal is a
 * {@link DomainException} that names its own type, status and title; other exceptions thrown inside EJBs (an
 * optimistic lock, a validation failure, a bug) arrive wrapped in EJBException and are unwrapped first. A 4xx is an
 * expected refusal, logged as one INFO line by {@link RefusalLog}; only an unexpected error is logged with its stack trace.
 * A database outage ({@link DatabaseOutage}, whether an EJB already said so or not) is a 503 {@code …/unavailable}
 * with {@code Retry-After}, logged once per outage by {@link DatabaseAvailability}, not once per request.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Inject
    DatabaseAvailability database;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = unwrap(thrown);
        Problem problem = classify(e);
        problem.instance(uri);
        RefusalLog.refused(request, problem, e instanceof WebApplicationException ? e.getMessage() : null);
        var builder = problem.builder();
        if (e instanceof WebApplicationException wae) {
            wae.getResponse().getHeaders().forEach((name, values) -> {
                if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                    values.forEach(v -> builder.header(name, v));
                }
            });
        }
        if ((int) problem.body().get("status") == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"orion-api\"");
        }
        if (e instanceof DatabaseUnavailableException) {
            builder.header(HttpHeaders.RETRY_AFTER, DatabaseUnavailableException.RETRY_AFTER_SECONDS);
        }
        return builder.build();
    }

    private Problem classify(Throwable e) {
        if (e instanceof DomainException refusal) {
            Problem problem = Problem.of(refusal.status(), refusal.problemType(), refusal.title(), refusal.getMessage());
            refusal.problemMembers().forEach(problem::with);
            return problem;
        }
        if (e instanceof OptimisticLockException) {
            return Problem.of(409, "concurrent-change", "Changed concurrently", "The resource was changed by someone else; fetch it and try again");
        }
        if (e instanceof ConstraintViolationException cve) {
            return Problem.of(400, "validation", "Invalid request", "Some fields are invalid")
                    .errors(cve.getConstraintViolations().stream()
                            .map(v -> new Problem.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage())).toList());
        }
        if (e instanceof JsonbException || e instanceof ProcessingException) {
            LOG.log(Level.FINE, "Unreadable request body", e);
            return Problem.of(400, "malformed-body", "Malformed request body", "The body is not valid JSON for this operation");
        }
        if (e instanceof IllegalArgumentException) {
            return Problem.of(400, "invalid-request", "Invalid request", e.getMessage());
        }
        if (e instanceof WebApplicationException wae) {
            return fromStatus(wae.getResponse().getStatus(), wae.getMessage());
        }
        String correlation = Correlation.current();
        LOG.log(Level.SEVERE, "Unexpected error, correlation id " + correlation, e);
        ErrorTracking.report(e, "api", Map.of("path", uri == null ? "" : uri.getPath()));
        return Problem.of(500, "internal", "Internal error",
                "Something went wrong on our side; quote correlation id " + correlation).with("correlation_id", correlation);
    }

    private Problem fromStatus(int status, String message) {
        return switch (status) {
            case 401 -> Problem.of(401, "unauthorized", "Authentication required", "A valid bearer token is required");
            case 403 -> security != null && security.getUserPrincipal() == null
                    ? Problem.of(401, "unauthorized", "Authentication required", "A valid bearer token is required")
                    : Problem.of(403, "forbidden", "Forbidden", "This client may not perform this operation");
            case 404 -> Problem.of(404, "not-found", "Not found", "No such resource");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed", message);
            case 406 -> Problem.of(406, "not-acceptable", "Not acceptable", message);
            case 412 -> Problem.of(412, "precondition-failed", "Precondition failed", message);
            case 413 -> Problem.of(413, "too-large", "Request body too large", message);
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type", message);
            default -> Problem.of(status, status >= 500 ? "internal" : "bad-request",
                    status >= 500 ? "Internal error" : "Bad request", message);
        };
    }

    private Throwable unwrap(Throwable e) {
        if (DatabaseOutage.causedBy(e)) {
            database.unreachable(e); // once per outage: a no-op when an EJB has reported it already
            return e instanceof DatabaseUnavailableException ? e : new DatabaseUnavailableException();
        }
        Throwable current = e;
        while ((current instanceof EJBException || current.getClass().getName().endsWith("EJBTransactionRolledbackException"))
                && current.getCause() != null) {
            current = current.getCause();
        }
        if (current instanceof ProcessingException && current.getCause() instanceof JsonbException) {
            return current.getCause();
        }
        if (current instanceof jakarta.transaction.RollbackException) {
            // a version conflict found only when the container commits (its flush) arrives as a failed commit
            for (Throwable cause = current.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof OptimisticLockException) {
                    return cause;
                }
            }
        }
        return current;
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
