package dev.orion.platform.proxy;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import jakarta.servlet.ServletContext;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps request bodies small on a web module's every path but its upload paths (listed in the module's
 * {@code META-INF/services/io.undertow.servlet.ServletExtension}, the console's only). The server's
 * {@code max-post-size} must allow uploads ({@code ORION_MAX_UPLOAD_BYTES}); everything else is a form, so a
 * body over {@code ORION_MAX_FORM_BYTES} (2 MiB) is answered 413 before anything reads it, and a chunked one is
 * cut at that size by Undertow. The upload paths are {@code ORION_UPLOAD_PATHS} (comma-separated prefixes
 * within the module, {@code /imports/} by default).
 */
public class RequestBodyLimits implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        Config config = ConfigProvider.getConfig();
        long formLimit = config.getOptionalValue("orion.max-form-bytes", Long.class).orElse(2L * 1024 * 1024);
        List<String> uploads = Arrays.stream(config.getOptionalValue("orion.upload-paths", String.class).orElse("/imports/").split(","))
                .map(String::strip).filter(p -> !p.isEmpty()).map(p -> deployment.getContextPath() + p).toList();
        deployment.addInitialHandlerChainWrapper(next -> exchange -> {
            if (uploads.stream().noneMatch(exchange.getRequestPath()::startsWith)) {
                if (tooLarge(exchange, formLimit)) {
                    exchange.setStatusCode(StatusCodes.REQUEST_ENTITY_TOO_LARGE);
                    exchange.setPersistent(false); // the body is never read: the connection closes after the answer
                    exchange.endExchange();
                    return;
                }
                exchange.setMaxEntitySize(formLimit);
            }
            next.handleRequest(exchange);
        });
    }

    private static boolean tooLarge(HttpServerExchange exchange, long limit) {
        String length = exchange.getRequestHeaders().getFirst(Headers.CONTENT_LENGTH);
        try {
            return length != null && Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // Undertow refuses a malformed length itself
        }
    }
}
