package dev.orion.platform.batch;

import jakarta.ejb.ApplicationException;

/** A stop, restart or abandon that the execution's state does not allow, e.g. restarting a completed job. */
@ApplicationException
public class JobOperationRefusedException extends RuntimeException {

    public JobOperationRefusedException(String message) {
        super(message);
    }
}
