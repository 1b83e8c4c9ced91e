package dev.orion.platform.flags;

import dev.orion.platform.DomainException;

/** A flag name no capability declares: 404, so a typo never stores a switch nobody reads. */
public class UnknownFlagException extends DomainException {

    public UnknownFlagException(String name) {
        super(404, "unknown-flag", "Unknown feature flag", "No capability declares a feature flag named " + name, false);
    }
}
