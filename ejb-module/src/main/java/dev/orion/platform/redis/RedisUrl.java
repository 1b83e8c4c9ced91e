package dev.orion.platform.redis;

import java.net.URI;

/**
 * {@code redis://[:password@]host[:port][/database]} (or {@code rediss://} for TLS) split into what Redisson
 * wants: the address without the path, and the database index (0 when the URL names none).
 */
public record RedisUrl(String address, int database) {

    public static RedisUrl parse(String url) {
        if (url == null || !(url.startsWith("redis://") || url.startsWith("rediss://"))) {
            throw new IllegalArgumentException("ORION_REDIS_URL must start with redis:// or rediss://, was: " + url);
        }
        URI uri = URI.create(url);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("ORION_REDIS_URL names no host: " + url);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        int database;
        try {
            database = path.isEmpty() || path.equals("/") ? 0 : Integer.parseInt(path.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ORION_REDIS_URL's path must be a database number like /1, was: " + path);
        }
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
        return new RedisUrl(uri.getScheme() + "://" + userInfo + uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort()), database);
    }
}
