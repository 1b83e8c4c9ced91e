package dev.orion.orders.application;

import dev.orion.notifications.application.EmailQueue;
import dev.orion.notifications.application.EmailRequest;
import dev.orion.orders.domain.Order;
import dev.orion.vendors.application.VendorDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;

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
        var customer = order.getCustomer();
        var model = new LinkedHashMap<String, Object>();
        model.put("orderId", order.getId());
        model.put("customerName", customer.getFullName());
        model.put("total", order.getTotal().toString());
        model.put("vendorName", vendors.find(order.getVendorId()).map(v -> v.name()).orElse("Orion"));
        emails.enqueue(new EmailRequest("order-confirmation", customer.getLocale(), customer.getEmail(), model,
                "order-confirmation:" + order.getId()));
    }
}
