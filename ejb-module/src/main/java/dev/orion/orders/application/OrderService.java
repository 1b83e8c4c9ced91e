package dev.orion.orders.application;

import dev.orion.catalog.application.ProductCatalog;
import dev.orion.catalog.application.ProductView;
import dev.orion.catalog.application.StockAdjustment;
import dev.orion.platform.domain.Money;
import dev.orion.platform.InvalidRequestException;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import dev.orion.orders.domain.Order;
import dev.orion.orders.domain.OrderStatus;
import dev.orion.orders.domain.StatusChange;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Order look-ups and lifecycle changes; confirming an order sends its confirmation email. Each change is
 * recorded in the audit log here, in its own transaction, for whoever asked (API client or console user).
 */
@Stateless
public class OrderService {

    @PersistenceContext
    EntityManager em;

    @Inject
    OrderConfirmationMailer confirmations;

    @Inject
    CustomerDirectory customers;

    @Inject
    ProductCatalog catalog;

    @Inject
    AuditLog audit;

    @Inject
    OrderEvents events;

    /**
     * Places an order: reserves the stock of every line (all or nothing, never below zero), prices the lines
     * from the catalogue and records the customer. An order with a known external id is not placed twice.
     */
    public OrderView place(Actor who, long vendorId, NewOrder request) {
        String actor = who.name();
        if (request.externalId() != null) {
            var existing = em.createQuery("SELECT o FROM Order o WHERE o.vendorId = :vendor AND o.externalId = :ext", Order.class)
                    .setParameter("vendor", vendorId).setParameter("ext", request.externalId())
                    .getResultStream().findFirst();
            if (existing.isPresent()) {
                throw new DuplicateOrderException(request.externalId(), existing.get().getId());
            }
        }
        var reserved = catalog.reserveForOrder(vendorId, request.lines().stream()
                .map(l -> new StockAdjustment(l.sku(), -l.quantity(), "order")).toList(), actor);
        Map<String, ProductView> products = new HashMap<>();
        reserved.forEach(p -> products.put(p.sku(), p));
        var order = new Order(customers.findOrCreate(vendorId, request.customerEmail(), request.customerName(), request.customerLocale()),
                request.currency(), request.externalId());
        for (NewOrder.Line line : request.lines()) {
            ProductView product = products.get(line.sku());
            try {
                order.addLine(product.id(), product.sku(), product.title(), line.quantity(), new Money(product.price(), product.currency()));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(e.getMessage()); // a total over the schema's amounts: the caller's to fix, stock rolled back
            }
        }
        em.persist(order);
        em.flush();
        em.persist(new StatusChange(order.getId(), null, OrderStatus.PENDING, actor));
        audit.record(who, vendorId, "order.create", "order", order.getId(), request.lines().size() + " line(s)");
        events.created(order);
        return OrderView.of(order);
    }

    public Optional<OrderView> find(long vendorId, long orderId) {
        return findEntity(vendorId, orderId, LockModeType.NONE).map(OrderView::of);
    }

    /**
     * Moves an order of {@code vendorId} to {@code target}. The order refuses illegal moves; the change, its
     * timeline entry, any email it causes and, for a cancellation, the stock it gives back commit together.
     * A cancelled order cannot be cancelled again, so its stock comes back once. The timeline names the
     * actor by {@link Actor#name()}: the API client's id or the console user's email.
     */
    public Optional<OrderView> transition(Actor who, long vendorId, long orderId, OrderStatus target, String tracking) {
        String actor = who.name();
        Optional<Order> found = findEntity(vendorId, orderId, LockModeType.PESSIMISTIC_WRITE);
        found.ifPresent(order -> {
            OrderStatus previous = order.moveTo(target, tracking);
            em.persist(new StatusChange(order.getId(), previous, target, actor));
            audit.record(who, vendorId, "order.transition", "order", orderId, "to " + target);
            events.statusChanged(order, previous);
            if (target == OrderStatus.CANCELLED) {
                catalog.returnStock(vendorId, held(order), "order " + order.getId() + " cancelled", actor);
            }
            if (target == OrderStatus.CONFIRMED) {
                confirmations.enqueue(order);
            }
        });
        return found.map(OrderView::of);
    }

    /** The order's status changes, oldest first; empty if the vendor has no such order. */
    public List<StatusChangeView> timeline(long vendorId, long orderId) {
        if (findEntity(vendorId, orderId, LockModeType.NONE).isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT s FROM StatusChange s WHERE s.orderId = :order ORDER BY s.changedAt, s.id", StatusChange.class)
                .setParameter("order", orderId).getResultStream().map(StatusChangeView::of).toList();
    }

    /**
     * Queues the order confirmation email again, through the outbox like the first one.
     *
     * @return the new email's outbox id; empty if the vendor has no such order
     * @throws NoConfirmationException if the order is not (or no longer) confirmed
     */
    public Optional<Long> resendConfirmation(Actor who, long vendorId, long orderId) {
        return findEntity(vendorId, orderId, LockModeType.NONE).map(order -> {
            if (!order.getStatus().hasConfirmation()) {
                throw new NoConfirmationException(orderId, order.getStatus());
            }
            audit.record(who, vendorId, "order.confirmation.resend", "order", orderId, order.getCustomer().getEmail());
            return confirmations.resend(order);
        });
    }

    /**
     * The stock an order holds. An imported marketplace order took what there was (stock stops at zero when a
     * marketplace oversold), so it holds what its movements took; an order placed here reserved every line.
     * An imported order is told by its first status change, made by the importer.
     */
    private Map<Long, Integer> held(Order order) {
        boolean imported = order.getExternalId() != null && em.createQuery("SELECT count(s) FROM StatusChange s"
                        + " WHERE s.orderId = :order AND s.changedBy = :importer", Long.class)
                .setParameter("order", order.getId()).setParameter("importer", MarketplaceOrders.ACTOR).getSingleResult() > 0;
        return imported ? catalog.taken(order.getVendorId(), MarketplaceOrders.stockReason(order.getExternalId())) : order.heldStock();
    }

    private Optional<Order> findEntity(long vendorId, long orderId, LockModeType lock) {
        Order order = em.find(Order.class, orderId, lock);
        return order != null && order.getVendorId() == vendorId ? Optional.of(order) : Optional.empty();
    }
}
