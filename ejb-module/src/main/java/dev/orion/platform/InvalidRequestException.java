package dev.orion.platform;

import jakarta.ejb.ApplicationException;

/**
 * A request the caller must fix (an empty feed, an unknown vendor): reaches the caller as a 400 with this
 * message, rolls back, and is not logged as a server error.
 */
@ApplicationException(rollback = true)
public class InvalidRequestException extends IllegalArgumentException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
