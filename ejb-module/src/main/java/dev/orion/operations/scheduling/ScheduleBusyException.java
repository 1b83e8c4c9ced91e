package dev.orion.operations.scheduling;

import dev.orion.platform.DomainException;

/** A schedule's run cannot start while its previous run is still going. */
public class ScheduleBusyException extends DomainException {

    public ScheduleBusyException(String schedule) {
        super(409, "schedule-busy", "Schedule is running", "Schedule " + schedule + " is running; a new run can start when it ends");
    }
}
