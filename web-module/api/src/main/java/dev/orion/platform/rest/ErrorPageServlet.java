package dev.orion.platform.rest;

import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Error pages of the API WAR (see web.xml): whatever the container answers on its own (authentication
 * failures, unknown paths, bodies over the size limit) still comes back as problem+json, never HTML.
 */
@WebServlet("/problems/error")
public class ErrorPageServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Problem problem = switch (status) {
            case 401 -> Problem.of(401, "unauthorized", "Authentication required", "A valid bearer token is required");
            case 403 -> Problem.of(403, "forbidden", "Forbidden", "This client may not perform this operation");
            case 404 -> Problem.of(404, "not-found", "Not found", "No such resource");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed", "This method is not supported here");
            case 413 -> Problem.of(413, "too-large", "Request body too large", "The request body exceeds the size limit");
            default -> Problem.of(status, status >= 500 ? "internal" : "bad-request",
                    status >= 500 ? "Internal error" : "Bad request", "The request could not be processed");
        };
        problem.instance(uri == null ? null : uri.toString());
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"orion-api\"");
        }
        response.getWriter().write(JsonbBuilder.create().toJson(problem.body()));
    }
}
