package dev.orion.events.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The operator's settings for webhook deliveries (docs/webhooks.md, docs/configuration.md). */
@ApplicationScoped
public class WebhookSettings {

    /** The delays between attempts after a failure that may pass; past the last one a delivery is dead. */
    @Inject
    @ConfigProperty(name = "orion.webhooks.retry-delays", defaultValue = "PT1M,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H")
    String retryDelaysSetting;

    /** Connecting, and every wait for the endpoint's next bytes. */
    @Inject
    @ConfigProperty(name = "orion.webhooks.connect-timeout", defaultValue = "PT5S")
    Duration connectTimeout;

    /** The whole attempt, the answer included. */
    @Inject
    @ConfigProperty(name = "orion.webhooks.timeout", defaultValue = "PT10S")
    Duration timeout;

    /** Hosts (names or IP addresses, exactly as in the URL) an endpoint may name with plain http. */
    @Inject
    @ConfigProperty(name = "orion.webhooks.http-allow")
    Optional<String> httpAllowSetting;

    /** An endpoint whose deliveries have failed this long, without a success in between, is disabled. */
    @Inject
    @ConfigProperty(name = "orion.webhooks.disable-after", defaultValue = "P3D")
    Duration disableAfter;

    private List<Duration> retryDelays;
    private Set<String> httpAllowed;

    @PostConstruct
    void parse() {
        retryDelays = Arrays.stream(retryDelaysSetting.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Duration::parse).toList();
        httpAllowed = Arrays.stream(httpAllowSetting.orElse("").split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public List<Duration> retryDelays() { return retryDelays; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration timeout() { return timeout; }
    public Duration disableAfter() { return disableAfter; }

    public boolean allowsHttp(String host) {
        return host != null && httpAllowed.contains(host.toLowerCase(Locale.ROOT));
    }
}
