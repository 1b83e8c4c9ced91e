package dev.orion.orders.application;

import dev.orion.notifications.application.EmailQueue;
import dev.orion.notifications.application.EmailRequest;
import dev.orion.orders.domain.Order;
import dev.orion.vendors.application.VendorDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * Enqueues an order's confirmation email in the caller's transaction, in the customer's language. Keyed by the
 * order, so a confirmation is sent once however the order got confirmed (API, console or import).
 */
@ApplicationScoped
public class OrderConfirmationMailer {

    @Inject
    EmailQueue emails;

    @Inject
    VendorDirectory vendors;

    public void enqueue(Order order) {
        emails.enqueue(confirmation(order, "order-confirmation:" + order.getId()));
    }

    /** Queues the confirmation once more (a customer lost it); each resend is a new email of its own. */
    public long resend(Order order) {
        return emails.enqueue(confirmation(order, "order-confirmation:" + order.getId() + ":resend:" + UUID.randomUUID()));
    }

    private EmailRequest confirmation(Order order, String dedupeKey) {
        var customer = order.getCustomer();
        var model = new LinkedHashMap<String, Object>();
        model.put("orderId", order.getId());
        model.put("customerName", customer.getFullName());
        model.put("total", order.getTotal().toString());
        model.put("vendorName", vendors.find(order.getVendorId()).map(v -> v.name()).orElse("Orion"));
        return new EmailRequest("order-confirmation", customer.getLocale(), customer.getEmail(), model, dedupeKey);
    }
}
