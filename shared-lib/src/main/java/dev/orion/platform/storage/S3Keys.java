package dev.orion.platform.storage;

/**
 * Maps storage keys to object keys in the bucket: under an optional prefix ({@code ORION_STORAGE_S3_PREFIX}), so
 * that several installations or environments can share one bucket. Keys that could reach outside the prefix
 * are refused, as the local backend refuses keys that leave its directory.
 */
final class S3Keys {

    private final String prefix;

    S3Keys(String configuredPrefix) {
        String trimmed = configuredPrefix == null ? "" : configuredPrefix.strip().replaceAll("^/+|/+$", "");
        this.prefix = trimmed.isEmpty() ? "" : trimmed + "/";
    }

    String prefix() {
        return prefix;
    }

    String objectKey(String key) {
        if (key == null || key.isBlank() || key.startsWith("/") || key.contains("\\")) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        for (String part : key.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("Storage key leaves the storage prefix: " + key);
            }
        }
        return prefix + key;
    }
}
