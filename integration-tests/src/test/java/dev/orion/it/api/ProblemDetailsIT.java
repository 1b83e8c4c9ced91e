package dev.orion.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Whatever goes wrong, the API answers RFC 9457 problem+json, never HTML or a stack trace. */
@ExtendWith(ArquillianExtension.class)
class ProblemDetailsIT extends OrionDeployment {

    private static void assertProblem(java.net.http.HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", ApiSession.contentType(response));
        var problem = Http.json(response);
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.containsKey("type") && problem.containsKey("title") && problem.containsKey("detail"), problem.toString());
        assertTrue(!response.body().contains("at dev.orion") && !response.body().contains("Exception"), response.body());
    }

    @Test
    void unsupportedMethodIs405() {
        var api = ApiSession.newVendor("method");
        assertProblem(api.send("DELETE", "/products", null, null), 405);
    }

    @Test
    void wrongJsonTypeIs400() {
        var api = ApiSession.newVendor("types");
        assertProblem(api.send("PUT", "/products/X", "application/json",
                "{\"title\":\"T\",\"price\":\"1.00\",\"currency\":\"EUR\",\"stock\":\"many\"}"), 400);
    }

    @Test
    void oversizedJsonBodyIs413() {
        var api = ApiSession.newVendor("big");
        String huge = "{\"title\":\"" + "x".repeat(1_100_000) + "\",\"price\":\"1.00\",\"currency\":\"EUR\"}";
        assertProblem(api.send("PUT", "/products/BIG", "application/json", huge), 413);
    }

    @Test
    void unknownPathOutsideTheApiVersionIs404() {
        assertProblem(Http.plain().get(Http.BASE + "/api/nothing-here"), 404);
    }

    @Test
    void wrongMediaTypeIs415() {
        var api = ApiSession.newVendor("media");
        assertProblem(api.send("PUT", "/products/X", "text/plain", "hello"), 415);
    }
}
