package dev.orion.platform.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Writes the API's conventions into the OpenAPI document once, instead of annotating every operation:
 * the problem+json error responses, the rate-limit headers, and the Idempotency-Key header on POSTs.
 */
public class OpenApiConventions implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
            addErrors(operation, method, secured);
            if (secured) {
                operation.getResponses().getAPIResponses().forEach((code, response) -> addRateLimitHeaders(response));
            }
            if (method == PathItem.HttpMethod.POST && secured) { // the token endpoint keeps no idempotency record
                operation.addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER)
                        .description("Makes a retry safe: the first response is replayed for 24 hours, with Idempotent-Replayed: true")
                        .schema(string().maxLength(255)));
            }
        }));
    }

    private static void addErrors(Operation operation, PathItem.HttpMethod method, boolean secured) {
        var responses = operation.getResponses();
        error(responses, "400", "Invalid request: malformed JSON, wrong types or failed validation (see errors)");
        if (secured) {
            error(responses, "401", "No valid bearer token");
            error(responses, "403", "The client's role does not allow this operation");
            error(responses, "429", "Rate limit exceeded; retry after Retry-After seconds")
                    .addHeader("Retry-After", header("Seconds until a request will be accepted again"));
        }
        error(responses, "404", "No such resource, or one that belongs to another vendor");
        if (method != PathItem.HttpMethod.GET) {
            error(responses, "409", "Conflicts with the resource's state, or the same Idempotency-Key is still in flight");
            error(responses, "412", "If-Match does not match the current version");
            error(responses, "413", "The request body is too large");
            error(responses, "415", "Unsupported content type");
            error(responses, "422", "Well-formed but unprocessable, or an Idempotency-Key reused with another body");
        }
        error(responses, "500", "Internal error; quote the correlation_id");
        error(responses, "default", "Any other error, always application/problem+json");
    }

    private static APIResponse error(org.eclipse.microprofile.openapi.models.responses.APIResponses responses,
                                     String code, String description) {
        APIResponse existing = responses.getAPIResponse(code);
        if (existing != null) {
            return existing;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        responses.addAPIResponse(code, response);
        return response;
    }

    private static void addRateLimitHeaders(APIResponse response) {
        response.addHeader("RateLimit-Limit", header("Requests allowed per window for this client"));
        response.addHeader("RateLimit-Remaining", header("Requests left in the current window"));
        response.addHeader("RateLimit-Reset", header("Seconds until the window resets"));
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .properties(Map.of("field", string(), "message", string()))
                .required(List.of("field", "message"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; more members may follow (e.g. skus, correlation_id)")
                .properties(Map.of(
                        "type", string().format("uri"),
                        "title", string(),
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                        "detail", string(),
                        "instance", string(),
                        "errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)))
                .required(List.of("type", "title", "status"))
                .examples(List.of(Map.of("type", "about:blank", "title", "Not Found", "status", 404,
                        "detail", "No product MUG-01", "correlation_id", "3f1c2a9e7b5d4e10")));
    }
}
