package dev.orion.notifications.application;

import jakarta.ejb.ApplicationException;

/** SMTP could not take the email now; rolling back hands the message back to the broker for redelivery. */
@ApplicationException(rollback = true)
public class TransientDeliveryFailure extends RuntimeException {

    public TransientDeliveryFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
