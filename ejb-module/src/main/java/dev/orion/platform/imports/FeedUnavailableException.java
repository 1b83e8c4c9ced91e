package dev.orion.platform.imports;

import jakarta.ejb.ApplicationException;

/** A feed named by URL could not be fetched; nothing was imported. */
@ApplicationException
public class FeedUnavailableException extends RuntimeException {

    public FeedUnavailableException(String message) {
        super(message);
    }
}
