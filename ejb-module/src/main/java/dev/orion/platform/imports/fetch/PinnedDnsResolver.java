package dev.orion.platform.imports.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The only "DNS" a feed fetch's connection sees: the addresses {@link FeedAddressVetting} checked for the one
 * host of this hop, so the socket goes exactly where the check said (a second look-up could be answered
 * differently: DNS rebinding). TLS still names and verifies the original host.
 */
final class PinnedDnsResolver implements DnsResolver {

    private final String host;
    private final InetAddress[] addresses;

    PinnedDnsResolver(String host, List<InetAddress> addresses) {
        this.host = FeedAddressVetting.bare(host);
        this.addresses = addresses.toArray(InetAddress[]::new);
    }

    @Override
    public InetAddress[] resolve(String name) throws UnknownHostException {
        if (!FeedAddressVetting.bare(name).equals(host)) {
            throw new UnknownHostException(name + " was not vetted for this fetch");
        }
        return addresses.clone();
    }

    @Override
    public String resolveCanonicalHostname(String name) {
        return name;
    }
}
