package dev.orion.platform.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The proxies we trust ({@code ORION_TRUSTED_PROXIES}: addresses or CIDR ranges, comma-separated) and the real
 * client address behind them. Forwarding headers from anyone else are ignored, so a client cannot pick its own
 * IP for rate limits, log-in records or the audit log.
 */
public final class TrustedProxies {

    private final List<Range> ranges;

    private record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                if ((address[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    public TrustedProxies(String configured) {
        var parsed = new ArrayList<Range>();
        for (String entry : (configured == null ? "" : configured).split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split("/");
            byte[] network = literal(parts[0]).map(InetAddress::getAddress).orElseThrow(
                    () -> new IllegalArgumentException("ORION_TRUSTED_PROXIES: not an IP address: " + text));
            parsed.add(new Range(network, parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8));
        }
        this.ranges = List.copyOf(parsed);
    }

    /**
     * @param remote     the peer of the TCP connection
     * @param forwarded  the X-Forwarded-For header, or null
     * @param cloudflare the CF-Connecting-IP header, or null
     */
    public String clientAddress(String remote, String forwarded, String cloudflare) {
        if (!trusted(remote)) {
            return remote;
        }
        if (cloudflare != null && !cloudflare.isBlank()) {
            return cloudflare.strip();
        }
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) { // the right-most hop not added by one of our proxies
            String hop = hops[i].strip();
            if (!trusted(hop)) {
                return hop;
            }
        }
        return hops[0].strip();
    }

    public boolean trusted(String address) {
        return literal(address).map(a -> ranges.stream().anyMatch(r -> r.contains(a.getAddress()))).orElse(false);
    }

    /** Only literal addresses: a header value must never trigger a DNS lookup. */
    static Optional<InetAddress> literal(String text) {
        if (text == null || !text.matches("[0-9a-fA-F:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
