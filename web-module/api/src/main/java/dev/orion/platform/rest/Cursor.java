package dev.orion.platform.rest;

import jakarta.ws.rs.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque pagination cursors: clients pass them back unchanged and never build them. */
public final class Cursor {

    private Cursor() {
    }

    public static String encode(long afterId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + afterId).getBytes(StandardCharsets.UTF_8));
    }

    public static Long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("after:")) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(text.substring(6));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("The cursor is not one this API issued");
        }
    }
}
