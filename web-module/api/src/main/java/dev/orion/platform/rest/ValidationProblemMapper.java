package dev.orion.platform.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.api.validation.ResteasyConstraintViolation;
import org.jboss.resteasy.api.validation.ResteasyViolationException;

/**
 * Bean Validation failures on request bodies and parameters: 400 problem+json with one entry per field.
 * RESTEasy raises its own subtype, whose built-in mapper would answer text/plain.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ResteasyViolationException> {

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(ResteasyViolationException e) {
        if (!e.getReturnValueViolations().isEmpty()) {
            return new ProblemMapper().toResponse(new IllegalStateException("Invalid response: " + e.getReturnValueViolations()));
        }
        var errors = e.getViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .toList();
        Problem problem = Problem.invalidFields(errors).instance(uri);
        RefusalLog.refused(request, problem, null);
        return problem.response();
    }

    /** "put.body.imageLinks[0].<list element>" becomes "image_links[0]": the name the client sent. */
    private static String field(ResteasyConstraintViolation violation) {
        String path = violation.getPath().replace(".<list element>", "");
        String[] parts = path.split("\\.");
        String leaf = parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
        return leaf.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
