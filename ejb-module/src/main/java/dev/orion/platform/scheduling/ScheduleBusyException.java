package dev.orion.platform.scheduling;

import jakarta.ejb.ApplicationException;

/** A schedule's run cannot start while its previous run is still going. */
@ApplicationException(rollback = true)
public class ScheduleBusyException extends RuntimeException {

    public ScheduleBusyException(String schedule) {
        super("Schedule " + schedule + " is running; a new run can start when it ends");
    }
}
