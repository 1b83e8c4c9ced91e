package dev.orion.operations.scheduling;

import dev.orion.platform.InvalidRequestException;
import jakarta.ejb.ApplicationException;

/**
 * A schedule setting that cannot be saved, naming the setting ({@code minute}, {@code timeZone}, ...) so a
 * form can show the message next to it. API callers see it as any other invalid request.
 */
@ApplicationException(rollback = true)
public class InvalidScheduleException extends InvalidRequestException {

    private final String field;

    public InvalidScheduleException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The {@link ScheduleChange} component at fault, or null when the expression as a whole is (it never fires). */
    public String field() {
        return field;
    }
}
