package dev.orion.orders.application;

import dev.orion.events.application.EventLog;
import dev.orion.events.application.EventTypes;
import dev.orion.orders.domain.Order;
import dev.orion.orders.domain.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The events an order's changes become (docs/webhooks.md), recorded in the transaction of the change. */
@ApplicationScoped
public class OrderEvents {

    @Inject
    EventLog events;

    void created(Order order) {
        events.record(order.getVendorId(), EventTypes.ORDER_CREATED, Map.of("order", summary(order)));
    }

    void statusChanged(Order order, OrderStatus from) {
        var data = new LinkedHashMap<String, Object>();
        data.put("order", summary(order));
        data.put("previous_status", from == null ? "" : from.name());
        events.record(order.getVendorId(), EventTypes.ORDER_STATUS_CHANGED, data);
    }

    private static Map<String, Object> summary(Order order) {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("id", order.getId());
        if (order.getExternalId() != null) {
            summary.put("external_id", order.getExternalId());
        }
        summary.put("status", order.getStatus().name());
        summary.put("total", order.getTotal().amount().toPlainString());
        summary.put("currency", order.getTotal().currency());
        if (order.getTrackingNumber() != null) {
            summary.put("tracking_number", order.getTrackingNumber());
        }
        summary.put("lines", order.getLines().stream().map(l -> Map.of("sku", l.getSku(), "quantity", l.getQuantity(),
                "unit_price", l.getUnitPrice().amount().toPlainString())).toList());
        return summary;
    }
}
