package dev.orion.catalog.application;

import dev.orion.platform.DomainException;

/**
 * A revert was asked of an import that is not a completed or failed real import, or was reverted already, or
 * whose revert data is no longer kept.
 */
public class ImportNotRevertibleException extends DomainException {

    public ImportNotRevertibleException(String message) {
        super(409, "import-not-revertible", "The import cannot be reverted", message, false);
    }
}
