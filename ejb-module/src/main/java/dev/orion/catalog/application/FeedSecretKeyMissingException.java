package dev.orion.catalog.application;

import dev.orion.platform.DomainException;

/** Feed credentials cannot be stored: the operator has not given Orion a usable ORION_FEED_SECRET_KEY. */
public class FeedSecretKeyMissingException extends DomainException {

    public FeedSecretKeyMissingException(String why) {
        super(503, "feed-secret-key-missing", "Feed credentials cannot be stored",
                "Feed credentials cannot be stored on this server: " + why + ". The operator sets ORION_FEED_SECRET_KEY (docs/configuration.md).", false);
    }
}
