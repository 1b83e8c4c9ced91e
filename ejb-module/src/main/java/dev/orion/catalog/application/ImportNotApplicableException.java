package dev.orion.catalog.application;

import dev.orion.platform.DomainException;

/** Apply was asked of an import that is not a completed dry run, or one already applied, or whose feed is gone. */
public class ImportNotApplicableException extends DomainException {

    public ImportNotApplicableException(String message) {
        super(409, "import-not-applicable", "The import cannot be applied", message, false);
    }
}
