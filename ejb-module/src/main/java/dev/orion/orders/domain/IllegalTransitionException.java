package dev.orion.orders.domain;

import dev.orion.platform.DomainException;

/** An order was asked to move to a status its current status does not lead to. */
public class IllegalTransitionException extends DomainException {

    public IllegalTransitionException(long orderId, OrderStatus from, OrderStatus to) {
        super(409, "illegal-transition", "Illegal status transition", "Order " + orderId + " cannot go from " + from + " to " + to + "; allowed: " + from.next());
    }
}
