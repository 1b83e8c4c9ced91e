package dev.orion.catalog.application;

/** A conditional write named a version (ETag) that is no longer current. */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String what, long current) {
        super(what + " has changed (now at version " + current + "); fetch it again and retry");
    }
}
