package dev.orion.platform.imports.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses are not the public internet: the server's own (loopback, unspecified), its networks (private,
 * unique-local, link-local with the cloud metadata service, CGNAT) and addresses no server has (multicast,
 * broadcast, reserved). IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are
 * judged by that address; Teredo hides its address and is refused whole. The address must already be resolved:
 * spellings (decimal, short or bracketed forms) are the resolver's business, never a pattern's.
 */
public final class InternalAddresses {

    /** A named range; {@link #NEVER} ones are never fetched, not even when an operator's CIDR covers them. */
    record Range(String name, Cidr cidr) {
    }

    private static final List<Range> V4 = List.of(
            range("unspecified", "0.0.0.0/8"),
            range("private", "10.0.0.0/8"),
            range("CGNAT", "100.64.0.0/10"),
            range("loopback", "127.0.0.0/8"),
            range("link-local", "169.254.0.0/16"),
            range("private", "172.16.0.0/12"),
            range("IETF protocol assignments", "192.0.0.0/24"),
            range("documentation", "192.0.2.0/24"),
            range("6to4 relay", "192.88.99.0/24"),
            range("private", "192.168.0.0/16"),
            range("benchmarking", "198.18.0.0/15"),
            range("documentation", "198.51.100.0/24"),
            range("documentation", "203.0.113.0/24"),
            range("multicast", "224.0.0.0/4"),
            range("broadcast", "255.255.255.255/32"), // before the reserved block that holds it
            range("reserved", "240.0.0.0/4"));

    private static final List<Range> V6 = List.of(
            range("unspecified", "::/128"),
            range("loopback", "::1/128"),
            range("discard", "100::/64"),
            range("Teredo", "2001::/32"),
            range("documentation", "2001:db8::/32"),
            range("unique-local", "fc00::/7"),
            range("link-local", "fe80::/10"),
            range("site-local", "fec0::/10"),
            range("multicast", "ff00::/8"));

    /** Not a server anywhere: refused even inside an allowed CIDR. */
    static final List<String> NEVER = List.of("unspecified", "multicast", "broadcast");

    private InternalAddresses() {
    }

    /** The name of the non-public range {@code address} is in, or empty for a public address. */
    public static Optional<String> rangeOf(InetAddress address) {
        InetAddress judged = embeddedIpv4(address).orElse(address);
        List<Range> ranges = judged instanceof Inet4Address ? V4 : V6;
        for (Range range : ranges) {
            if (range.cidr().contains(judged)) {
                return Optional.of(judged == address ? range.name() : range.name() + " (as " + judged.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }

    /** Whether {@code address} is one no allow-list can open (unspecified, multicast, broadcast). */
    public static boolean neverFetched(InetAddress address) {
        return rangeOf(address).map(name -> NEVER.stream().anyMatch(name::startsWith)).orElse(false);
    }

    /**
     * The IPv4 address an IPv6 one carries: IPv4-mapped ::ffff:a.b.c.d (Java usually hands these over as IPv4
     * already), IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d (and the local-use 64:ff9b:1::/48), 6to4 2002:ab:cd::.
     */
    static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return ipv4(b, 12);
        }
        if (zero(b, 0, 12) && !(zero(b, 12, 15) && (b[15] == 0 || b[15] == 1))) { // not :: or ::1 themselves
            return ipv4(b, 12);
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && (zero(b, 4, 12) || ((b[4] == 0 && b[5] == 1)))) {
            return ipv4(b, 12);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return ipv4(b, 2);
        }
        return Optional.empty();
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<InetAddress> ipv4(byte[] bytes, int from) {
        try {
            return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(bytes, from, from + 4)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    private static Range range(String name, String cidr) {
        return new Range(name, Cidr.parse(cidr));
    }
}
