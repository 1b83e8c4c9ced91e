package dev.orion.identity.application;

/**
 * Unknown client, wrong secret, revoked client or inactive vendor; deliberately one message for all. An application
 * exception: an expected refusal, which the container neither logs as an error nor wraps.
 */
@jakarta.ejb.ApplicationException
public class InvalidClientException extends RuntimeException {

    public InvalidClientException() {
        super("Client authentication failed");
    }
}
