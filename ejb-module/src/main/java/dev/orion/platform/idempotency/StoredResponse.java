package dev.orion.platform.idempotency;

/** The first answer to an idempotent request, kept so a retry gets exactly the same answer. */
public record StoredResponse(int status, String contentType, String location, String body) {
}
