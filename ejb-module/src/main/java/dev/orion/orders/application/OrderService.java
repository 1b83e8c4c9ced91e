package dev.orion.orders.application;

import dev.orion.notifications.application.EmailQueue;
import dev.orion.notifications.application.EmailRequest;
import dev.orion.orders.domain.Order;
import dev.orion.orders.domain.OrderStatus;
import dev.orion.orders.domain.StatusChange;
import dev.orion.vendors.application.VendorDirectory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Optional;

/** Order look-ups and lifecycle changes; confirming an order sends its confirmation email. */
@Stateless
public class OrderService {

    @PersistenceContext
    EntityManager em;

    @Inject
    EmailQueue emails;

    @Inject
    VendorDirectory vendors;

    public Optional<OrderView> find(long vendorId, long orderId) {
        return findEntity(vendorId, orderId, LockModeType.NONE).map(OrderView::of);
    }

    /**
     * Moves an order of {@code vendorId} to {@code target}. The order refuses illegal moves; the change, its
     * timeline entry and any email it causes commit together.
     */
    public Optional<OrderView> transition(long vendorId, long orderId, OrderStatus target, String tracking, String actor) {
        Optional<Order> found = findEntity(vendorId, orderId, LockModeType.PESSIMISTIC_WRITE);
        found.ifPresent(order -> {
            OrderStatus previous = order.moveTo(target, tracking);
            em.persist(new StatusChange(order.getId(), previous, target, actor));
            if (target == OrderStatus.CONFIRMED) {
                emails.enqueue(confirmationEmail(order));
            }
        });
        return found.map(OrderView::of);
    }

    private EmailRequest confirmationEmail(Order order) {
        var customer = order.getCustomer();
        var model = new LinkedHashMap<String, Object>();
        model.put("orderId", order.getId());
        model.put("customerName", customer.getFullName());
        model.put("total", order.getTotal().toString());
        model.put("vendorName", vendors.find(order.getVendorId()).map(v -> v.name()).orElse("Orion"));
        return new EmailRequest("order-confirmation", customer.getLocale(), customer.getEmail(), model,
                "order-confirmation:" + order.getId());
    }

    private Optional<Order> findEntity(long vendorId, long orderId, LockModeType lock) {
        Order order = em.find(Order.class, orderId, lock);
        return order != null && order.getVendorId() == vendorId ? Optional.of(order) : Optional.empty();
    }
}
