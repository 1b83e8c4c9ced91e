package dev.orion.platform.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem document; every 4xx and 5xx of the API is one of these. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://orion.local/problems/";

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final int status;

    private Problem(int status, String slug, String title, String detail) {
        this.status = status;
        body.put("type", TYPE_BASE + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(status, slug, title, detail);
    }

    /** The instance is the path of the request that failed, as the client sent it. */
    /** 400 "Invalid request" naming each invalid field, whoever found them (RESTEasy or the resource itself). */
    public static Problem invalidFields(List<FieldError> errors) {
        return of(400, "validation", "Invalid request", errors.size() + " field(s) are invalid").errors(errors);
    }

    public Problem instance(jakarta.ws.rs.core.UriInfo uri) {
        return instance(uri == null ? null : uri.getRequestUri().getRawPath());
    }

    public Problem instance(String path) {
        body.put("instance", path);
        return this;
    }

    public Problem errors(List<FieldError> errors) {
        body.put("errors", errors);
        return this;
    }

    public Problem with(String name, Object value) {
        body.put(name, value);
        return this;
    }

    public Response.ResponseBuilder builder() {
        return Response.status(status).type(TYPE).entity(body);
    }

    public Response response() {
        return builder().build();
    }

    public Map<String, Object> body() {
        return body;
    }

    /** One invalid input: which field, and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
