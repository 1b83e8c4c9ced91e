package dev.orion.catalog.application;

import jakarta.ejb.ApplicationException;

/** A conditional write named a version (ETag) that is no longer current. */
@ApplicationException(rollback = true) // a refusal the caller reports, not a server error to log
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String what, long current) {
        super(what + " has changed (now at version " + current + "); fetch it again and retry");
    }
}
