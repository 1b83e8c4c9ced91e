package dev.orion.identity.application;

/** Unknown client, wrong secret or revoked client; deliberately one message for all three. */
public class InvalidClientException extends RuntimeException {

    public InvalidClientException() {
        super("Client authentication failed");
    }
}
