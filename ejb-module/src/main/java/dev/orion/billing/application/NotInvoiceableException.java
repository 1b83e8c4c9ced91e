package dev.orion.billing.application;

import dev.orion.platform.DomainException;

/** Only a sold order (confirmed, shipped or delivered) is invoiced. */
public class NotInvoiceableException extends DomainException {

    public NotInvoiceableException(long orderId, String status) {
        super(409, "not-invoiceable", "Order not invoiceable", "Order " + orderId + " is " + status + "; only a CONFIRMED, SHIPPED or DELIVERED order is invoiced");
    }
}
