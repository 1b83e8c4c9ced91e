package dev.orion.platform.proxy;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Puts {@link ForwardedRequestHandler} in front of a web module (listed in each WAR's
 * {@code META-INF/services/io.undertow.servlet.ServletExtension}). Undertow's own {@code proxy-address-forwarding}
 * would believe these headers from any client and takes the left-most X-Forwarded-For hop, which the client
 * writes; this handler believes only {@code ORION_TRUSTED_PROXIES} and takes the right-most hop they did not add.
 */
public class ForwardedHeaders implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        var proxies = new TrustedProxies(ConfigProvider.getConfig().getOptionalValue("orion.trusted-proxies", String.class).orElse(""));
        deployment.addInitialHandlerChainWrapper(next -> new ForwardedRequestHandler(next, proxies));
    }
}
