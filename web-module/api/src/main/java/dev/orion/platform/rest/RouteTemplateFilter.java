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
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the request metrics (RequestObservationFilter) which resource template answered, such as
 * {@code /api/v1/products/{id}}; a request that matched no resource keeps no template and is grouped.
 */
@Provider
public class RouteTemplateFilter implements ContainerResponseFilter {

    private static final String APPLICATION_PATH = ApiApplication.class.getAnnotation(ApplicationPath.class).value();

    private record Resource(Class<?> type, Method method) {
    }

    /** Each resource method's template, joined once: as many entries as the API has operations. */
    private final Map<Resource, String> templates = new ConcurrentHashMap<>();

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
        request.setAttribute(HttpRoutes.ATTRIBUTE, templates.computeIfAbsent(new Resource(type, resource.getResourceMethod()),
                matched -> template(request.getContextPath(), matched)));
    }

    private static String template(String contextPath, Resource matched) {
        Path method = matched.method() == null ? null : matched.method().getAnnotation(Path.class);
        Path root = matched.type().getAnnotation(Path.class);
        return HttpRoutes.template(contextPath, APPLICATION_PATH, root == null ? null : root.value(), method == null ? null : method.value());
    }
}
