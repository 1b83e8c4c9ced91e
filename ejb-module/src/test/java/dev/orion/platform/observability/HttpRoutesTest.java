package dev.orion.platform.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HttpRoutesTest {

    @Test
    void joinsTemplatePartsWithOneSlashAndDropsParameterPatterns() {
        assertEquals("/api/v1/products/{id}", HttpRoutes.template("/api", "v1", "/products/", "{id: \\d+}"));
        assertEquals("/api/v1/imports/{id}/rejects", HttpRoutes.template("/api", "v1", "imports", "{id}/rejects"));
        assertEquals("/api/v1/me", HttpRoutes.template("/api", "v1", "me", null));
    }

    @Test
    void prefersTheMatchedTemplate() {
        assertEquals("/api/v1/products/{id}", HttpRoutes.of("/api/v1/products/{id}", "/api", "/v1", 404));
    }

    @Test
    void groupsUnmatchedPathsIntoOneSeries() {
        assertEquals("/api/*", HttpRoutes.of(null, "/api", "/v1", 404));
        assertEquals("/console/*", HttpRoutes.of(null, "/console", "/no-such-page.xhtml", 404));
    }

    @Test
    void labelsConsolePagesByViewAndResourcesTogether() {
        assertEquals("/console/products.xhtml", HttpRoutes.of(null, "/console", "/products.xhtml", 200));
        assertEquals("/console/jakarta.faces.resource/*", HttpRoutes.of(null, "/console", "/jakarta.faces.resource", 200));
    }
}
