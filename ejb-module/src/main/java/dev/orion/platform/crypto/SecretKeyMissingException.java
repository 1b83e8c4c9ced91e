package dev.orion.platform.crypto;

import dev.orion.platform.DomainException;

/** A secret cannot be stored: the operator has not given Orion a usable ORION_SECRET_KEY. */
public class SecretKeyMissingException extends DomainException {

    public SecretKeyMissingException(String what, String why) {
        super(503, "secret-key-missing", what + " cannot be stored",
                what + " cannot be stored on this server: " + why + ". The operator sets ORION_SECRET_KEY (docs/configuration.md).", false);
    }
}
