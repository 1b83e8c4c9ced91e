package dev.orion.platform.idempotency;

/**
 * The first answer to an idempotent request, kept so a retry gets exactly the same answer: status, media type,
 * {@code Location} and the body's bytes (empty when it had none).
 */
public record StoredResponse(int status, String contentType, String location, byte[] body) {

    public StoredResponse withBody(byte[] bytes) {
        return new StoredResponse(status, contentType, location, bytes);
    }

    public boolean hasBody() {
        return body != null && body.length > 0;
    }
}
