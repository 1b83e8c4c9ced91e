package dev.orion.platform.redis;

import java.util.Arrays;
import java.util.List;

/**
 * A comma-separated list of Redis servers ({@code host:port} or {@code redis://host:port}, for Sentinel or Redis
 * Cluster) as the addresses Redisson wants, each with its scheme.
 */
public final class RedisServers {

    private RedisServers() {
    }

    public static List<String> parse(String list, String variable) {
        List<String> addresses = Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(address -> !address.isEmpty())
                .map(address -> address.contains("://") ? address : "redis://" + address)
                .toList();
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException(variable + " names no server: " + list);
        }
        for (String address : addresses) {
            if (!(address.startsWith("redis://") || address.startsWith("rediss://")) || !address.matches("rediss?://[^/]+:\\d+")) {
                throw new IllegalArgumentException(variable + " must list host:port pairs, was: " + address);
            }
        }
        return addresses;
    }
}
