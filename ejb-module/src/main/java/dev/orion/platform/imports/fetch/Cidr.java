package dev.orion.platform.imports.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block such as {@code 10.0.0.0/8} or {@code fd00::/8}; an address without a prefix is a block of one. */
public record Cidr(byte[] network, int prefix) {

    /**
     * Parses a CIDR of IP literals only: the address part must be a literal IPv4 or IPv6 address (a host name is
     * refused, so parsing never resolves anything).
     */
    public static Cidr parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (!isIpLiteral(address)) {
            throw new IllegalArgumentException("not an IP address or CIDR: " + text);
        }
        byte[] network;
        try {
            network = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address or CIDR: " + text);
        }
        int bits = network.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR prefix length: " + text);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix length out of range: " + text);
        }
        return new Cidr(network, prefix);
    }

    /** Dotted IPv4 (four decimal parts) or IPv6 (with colons): the only literals an operator's list may hold. */
    static boolean isIpLiteral(String text) {
        return text.contains(":") ? text.matches("[0-9A-Fa-f:.]+") : text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** Whether {@code address} is in this block; IPv4 and IPv6 blocks never contain each other's addresses. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }
}
