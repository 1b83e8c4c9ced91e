package dev.orion.platform.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Bean Validation failures a resource raises itself (a merge-patched product validated after the patch):
 * 400 problem+json with one entry per field, as for bodies RESTEasy validates ({@link ValidationProblemMapper}).
 * Without it RESTEasy's built-in mapper for validation exceptions answers them with a text/plain 500.
 */
@Provider
public class ConstraintViolationProblemMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        Problem problem = Problem.invalidFields(errors).instance(uri);
        RefusalLog.refused(request, problem, null);
        return problem.response();
    }

    /** "imageLinks[0].<list element>" becomes "image_links[0]": the name the client sent. */
    private static String field(String path) {
        return path.replace(".<list element>", "").replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
