package dev.orion.catalog.application;

import java.util.Map;

/** One data row of a feed, by column name, with the line it started on (for error reports). */
public record FeedRow(long line, Map<String, String> values) {

    public String get(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
