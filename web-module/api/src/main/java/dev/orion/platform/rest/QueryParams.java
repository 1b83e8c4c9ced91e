package dev.orion.platform.rest;

import jakarta.ws.rs.BadRequestException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Query parameters the API reads the same way everywhere. */
public final class QueryParams {

    private QueryParams() {
    }

    /** An optional RFC 3339 timestamp; a malformed one is a 400 naming the parameter. */
    public static OffsetDateTime timestamp(String name, String text) {
        try {
            return text == null || text.isBlank() ? null : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an RFC 3339 timestamp like 2026-01-31T12:00:00Z");
        }
    }
}
