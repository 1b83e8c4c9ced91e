package dev.orion.notifications.application;

import dev.orion.platform.DomainException;

/** Only a FAILED email can be re-sent: a queued one is still being tried, a sent one is never sent again. */
public class NotResendableException extends DomainException {

    public NotResendableException(long outboxId, String status) {
        super(409, "not-resendable", "Email not re-sendable", "Email " + outboxId + " is " + status + "; only a FAILED email can be re-sent");
    }
}
