package dev.orion.platform.imports.fetch;

import dev.orion.platform.imports.FeedUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resolves a feed server's host once and decides whether Orion may connect there: only when every address it
 * resolves to is public, or opened by the operator's {@code ORION_FEED_FETCH_ALLOW} ({@link FetchAllowList}).
 * One internal address among public ones refuses the host: a name that points inward is not a feed server.
 */
@ApplicationScoped
public class FeedAddressVetting {

    private static final Logger LOG = Logger.getLogger(FeedAddressVetting.class.getName());

    @Inject
    @ConfigProperty(name = "orion.feed-fetch.allow")
    Optional<String> allowSetting;

    private FetchAllowList allowed = FetchAllowList.none();

    @PostConstruct
    void parse() {
        allowed = FetchAllowList.parse(allowSetting.orElse(""));
    }

    /** Reads the allow-list when the application starts: a malformed entry stops the deployment, naming it. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.info(() -> "Feed URL fetches reach public addresses" + (allowed.isEmpty() ? " only" : " and ORION_FEED_FETCH_ALLOW: " + allowed));
    }

    /** For tests and callers outside CDI. */
    public static FeedAddressVetting with(FetchAllowList allowed) {
        var vetting = new FeedAddressVetting();
        vetting.allowed = allowed;
        return vetting;
    }

    /** The addresses of {@code host} a fetch may connect to; a refusal says why, for the operator's log. */
    public List<InetAddress> vet(String host) {
        String bare = bare(host);
        InetAddress[] resolved;
        try {
            resolved = InetAddress.getAllByName(bare); // the resolver, not a pattern, reads 2130706433 or ::ffff:7f00:1
        } catch (UnknownHostException e) {
            throw FeedUnavailableException.notFetched(bare + " does not resolve");
        }
        for (InetAddress address : resolved) {
            Optional<String> range = InternalAddresses.rangeOf(address);
            if (range.isPresent() && !allowed.allows(bare, address, range.get())) {
                throw FeedUnavailableException.notFetched(bare + " resolves to " + address.getHostAddress() + " ("
                        + range.get() + "), which ORION_FEED_FETCH_ALLOW does not open");
            }
        }
        return List.of(resolved);
    }

    /** A URI's host without IPv6 brackets, lower case, without the root's trailing dot. */
    static String bare(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return FetchAllowList.normalise(name.toLowerCase(Locale.ROOT));
    }
}
