package dev.orion.identity.rest;

import dev.orion.identity.application.AccessToken;
import dev.orion.identity.application.InvalidClientException;
import dev.orion.identity.application.TokenService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import dev.orion.platform.LogText;
import dev.orion.platform.rest.RefusalLog;
import dev.orion.platform.rest.ApiCaller;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** OAuth2 client credentials grant: client id and secret in the form or in HTTP Basic. */
@Path("auth/token")
@PermitAll
@Tag(name = "auth")
public class TokenResource {

    private static final Logger LOG = Logger.getLogger(TokenResource.class.getName());

    @Inject
    TokenService tokens;

    @Inject
    TokenBudget budget;

    @Inject
    ApiCaller caller;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    public record TokenResponse(String accessToken, String tokenType, long expiresIn, String scope) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "An access token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @Operation(operationId = "issueAccessToken", summary = "Issue an access token (OAuth 2 client credentials)")
    public Response issue(@FormParam("grant_type") String grantType,
                          @FormParam("client_id") String clientId,
                          @FormParam("client_secret") String clientSecret,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!"client_credentials".equals(grantType)) {
            throw new BadRequestException("grant_type must be client_credentials");
        }
        String id = clientId;
        String secret = clientSecret;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = decodeBasic(authorization.substring(6).strip());
            id = pair[0];
            secret = pair[1];
        }
        String asked = id;
        Optional<Response> overBudget = budget.refuse(asked, uri);
        if (overBudget.isPresent()) {
            LOG.info(() -> "Token request over budget for client " + LogText.excerpt(asked) + " from " + caller.clientIp());
            return overBudget.get();
        }
        AccessToken token;
        try {
            token = tokens.issue(id, secret);
        } catch (InvalidClientException e) {
            LOG.info(() -> "Token refused (invalid client) for client " + LogText.excerpt(asked) + " from " + caller.clientIp());
            RefusalLog.loggedBy(request); // this line names the client; ProblemMapper adds no second one
            throw e;
        }
        return Response.ok(new TokenResponse(token.token(), "Bearer", token.expiresInSeconds(), token.scope()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new InvalidClientException();
            }
            return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            throw new InvalidClientException();
        }
    }
}
