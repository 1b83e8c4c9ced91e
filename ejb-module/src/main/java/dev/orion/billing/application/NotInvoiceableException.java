package dev.orion.billing.application;

import jakarta.ejb.ApplicationException;

/** Only a sold order (confirmed, shipped or delivered) is invoiced. */
@ApplicationException(rollback = true)
public class NotInvoiceableException extends RuntimeException {

    public NotInvoiceableException(long orderId, String status) {
        super("Order " + orderId + " is " + status + "; only a CONFIRMED, SHIPPED or DELIVERED order is invoiced");
    }
}
