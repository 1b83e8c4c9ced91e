package dev.orion.billing.application;

import dev.orion.platform.DomainException;

/** Only a sold order (confirmed, shipped or delivered) is invoiced. */
public class NotInvoiceableException extends DomainException {

    private final String orderStatus;

    public NotInvoiceableException(long orderId, String status) {
        super(409, "not-invoiceable", "Order not invoiceable", "Order " + orderId + " is " + status + "; only a CONFIRMED, SHIPPED or DELIVERED order is invoiced");
        this.orderStatus = status;
    }

    /** The order's status that refused the invoice. */
    public String orderStatus() {
        return orderStatus;
    }
}
