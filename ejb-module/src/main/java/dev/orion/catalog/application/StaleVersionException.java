package dev.orion.catalog.application;

import dev.orion.platform.DomainException;

/** A conditional write named a version (ETag) that is no longer current. */
public class StaleVersionException extends DomainException {

    public StaleVersionException(String what, long current) {
        super(412, "precondition-failed", "Precondition failed", what + " has changed (now at version " + current + "); fetch it again and retry");
    }
}
