package dev.orion.platform.rest;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/** Reads If-Match validators ("id.version") and builds 412 answers for conditional writes. */
public final class Preconditions {

    private Preconditions() {
    }

    /** The version an If-Match header insists on; null when the write is unconditional. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.strip())) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            throw failed("Weak validators cannot be used with If-Match");
        }
        tag = tag.replace("\"", "");
        int dot = tag.lastIndexOf('.');
        try {
            return Long.parseLong(tag.substring(dot + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw failed("If-Match does not hold a validator this API issued");
        }
    }

    public static ClientErrorException failed(String detail) {
        return new ClientErrorException(detail, Response.Status.PRECONDITION_FAILED);
    }
}
