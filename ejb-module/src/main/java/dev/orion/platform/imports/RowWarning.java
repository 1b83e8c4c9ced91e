package dev.orion.platform.imports;

/** Optional data of a feed row that was broken and dropped; the row itself was imported. */
public record RowWarning(long line, String column, String value, String reason) {
}
