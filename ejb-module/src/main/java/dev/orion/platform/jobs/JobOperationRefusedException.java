package dev.orion.platform.jobs;

import dev.orion.platform.DomainException;
import jakarta.ejb.ApplicationException;

/** A stop, restart or abandon that the execution's state does not allow, e.g. restarting a completed job. */
@ApplicationException // rollback = false, unlike DomainException: the caller's transaction goes on
public class JobOperationRefusedException extends DomainException {

    public JobOperationRefusedException(String message) {
        super(409, "job-state", "Not allowed in the execution's state", message);
    }
}
