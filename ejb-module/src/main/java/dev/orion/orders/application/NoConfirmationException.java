package dev.orion.orders.application;

import dev.orion.orders.domain.OrderStatus;
import jakarta.ejb.ApplicationException;

/** Only a confirmed (shipped or delivered) order has a confirmation to send again. */
@ApplicationException(rollback = true)
public class NoConfirmationException extends RuntimeException {

    public NoConfirmationException(long orderId, OrderStatus status) {
        super("Order " + orderId + " is " + status + "; only a CONFIRMED, SHIPPED or DELIVERED order has a confirmation to resend");
    }
}
