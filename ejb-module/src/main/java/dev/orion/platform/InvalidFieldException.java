package dev.orion.platform;

import jakarta.ejb.ApplicationException;
import java.util.function.Supplier;

/**
 * A value the user must fix in one field of a form: names the field and a message key (a console page shows the
 * translated message next to that field); the English message is for logs and the API.
 */
@ApplicationException(rollback = true)
public class InvalidFieldException extends InvalidRequestException {

    private final String field;
    private final String messageKey;

    public InvalidFieldException(String field, String messageKey, String message) {
        super(message);
        this.field = field;
        this.messageKey = messageKey;
    }

    /** Runs an entity's change and turns its refusal (an IllegalArgumentException) into one for this field. */
    public static <T> T check(String field, String messageKey, Supplier<T> change) {
        try {
            return change.get();
        } catch (InvalidRequestException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, messageKey, e.getMessage());
        }
    }

    public static void check(String field, String messageKey, Runnable change) {
        check(field, messageKey, () -> {
            change.run();
            return null;
        });
    }

    public String field() { return field; }
    public String messageKey() { return messageKey; }
}
