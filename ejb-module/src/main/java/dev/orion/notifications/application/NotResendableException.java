package dev.orion.notifications.application;

import jakarta.ejb.ApplicationException;

/** Only a FAILED email can be re-sent: a queued one is still being tried, a sent one is never sent again. */
@ApplicationException(rollback = true)
public class NotResendableException extends RuntimeException {

    public NotResendableException(long outboxId, String status) {
        super("Email " + outboxId + " is " + status + "; only a FAILED email can be re-sent");
    }
}
