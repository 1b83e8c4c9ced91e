package dev.orion.platform.imports.fetch;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The internal feed servers an operator opened on purpose ({@code ORION_FEED_FETCH_ALLOW}): comma-separated CIDRs
 * (or single IP addresses) and host names. A CIDR opens exactly the addresses it covers, whatever name leads
 * there. A host name opens that exact name (no subdomains, no wildcards) to private, unique-local and CGNAT
 * addresses only: what a name resolves to can change under the operator's feet, so a name never opens loopback,
 * link-local (the cloud metadata service) or the other ranges a CIDR must name. Unspecified, multicast and
 * broadcast addresses are never fetched.
 */
public final class FetchAllowList {

    /** The ranges an allowed host name may resolve into: an internal network's own servers. */
    private static final List<String> NAME_MAY_REACH = List.of("private", "unique-local", "CGNAT");

    private final List<Cidr> cidrs;
    private final Set<String> hosts;

    private FetchAllowList(List<Cidr> cidrs, Set<String> hosts) {
        this.cidrs = cidrs;
        this.hosts = hosts;
    }

    public static FetchAllowList none() {
        return new FetchAllowList(List.of(), Set.of());
    }

    /** Parses the operator's list; a malformed entry is a configuration error that names it. */
    public static FetchAllowList parse(String list) {
        var cidrs = new ArrayList<Cidr>();
        var hosts = new TreeSet<String>();
        if (list != null) {
            for (String entry : list.split(",")) {
                String item = entry.strip();
                if (item.isEmpty()) {
                    continue;
                }
                String address = item.contains("/") ? item.substring(0, item.indexOf('/')) : item;
                if (item.contains("/") || Cidr.isIpLiteral(address) || address.contains(":")) {
                    cidrs.add(Cidr.parse(item));
                } else if (item.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?")
                        && !item.matches("[0-9.]+")) {
                    hosts.add(normalise(item));
                } else {
                    throw new IllegalArgumentException("ORION_FEED_FETCH_ALLOW: not a CIDR, IP address or host name: " + item);
                }
            }
        }
        return new FetchAllowList(List.copyOf(cidrs), Set.copyOf(hosts));
    }

    /**
     * Whether a fetch from {@code host} may connect to {@code address}, an internal one ({@code range} names its
     * range). Public addresses need no allowance and never reach here.
     */
    boolean allows(String host, InetAddress address, String range) {
        if (InternalAddresses.neverFetched(address)) {
            return false;
        }
        if (cidrs.stream().anyMatch(cidr -> cidr.contains(address))) {
            return true;
        }
        return hosts.contains(normalise(host)) && NAME_MAY_REACH.stream().anyMatch(range::startsWith);
    }

    boolean isEmpty() {
        return cidrs.isEmpty() && hosts.isEmpty();
    }

    @Override
    public String toString() {
        return cidrs.size() + " CIDR(s)" + (hosts.isEmpty() ? "" : ", hosts " + hosts);
    }

    /** Host names compare without case and without the root's trailing dot. */
    static String normalise(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
