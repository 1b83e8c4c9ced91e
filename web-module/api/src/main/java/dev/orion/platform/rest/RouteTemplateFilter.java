package dev.orion.platform.rest;

import dev.orion.platform.observability.HttpRoutes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells the request metrics (RequestObservationFilter) which resource template answered, such as
 * {@code /api/v1/products/{id}}; a request that matched no resource keeps no template and is grouped.
 */
@Provider
public class RouteTemplateFilter implements ContainerResponseFilter {

    private static final String APPLICATION_PATH = ApiApplication.class.getAnnotation(ApplicationPath.class).value();

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        if (type == null || request == null) {
            return;
        }
        Path method = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(Path.class);
        Path root = type.getAnnotation(Path.class);
        request.setAttribute(HttpRoutes.ATTRIBUTE, HttpRoutes.template(request.getContextPath(), APPLICATION_PATH,
                root == null ? null : root.value(), method == null ? null : method.value()));
    }
}
