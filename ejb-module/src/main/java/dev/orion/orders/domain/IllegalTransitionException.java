package dev.orion.orders.domain;

/** An order was asked to move to a status its current status does not lead to. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(long orderId, OrderStatus from, OrderStatus to) {
        super("Order " + orderId + " cannot go from " + from + " to " + to + "; allowed: " + from.next());
    }
}
