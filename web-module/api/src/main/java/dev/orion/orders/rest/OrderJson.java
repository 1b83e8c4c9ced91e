package dev.orion.orders.rest;

import dev.orion.orders.application.OrderView;
import java.time.OffsetDateTime;
import java.util.List;

/** An order on the wire: money as exact decimal strings, like products. */
@org.eclipse.microprofile.openapi.annotations.media.Schema(example = "{\"id\":1042,\"external_id\":\"SHOP-7781\",\"status\":\"PENDING\",\"customer_email\":\"ada@example.com\",\"customer_name\":\"Ada Lovelace\",\"total\":\"25.00\",\"currency\":\"EUR\",\"tracking_number\":null,\"lines\":[{\"line_no\":1,\"sku\":\"MUG-01\",\"title\":\"Enamel mug\",\"quantity\":2,\"unit_price\":\"12.50\"}],\"allowed_transitions\":[\"CONFIRMED\",\"CANCELLED\"],\"created_at\":\"2026-02-01T10:00:00Z\",\"updated_at\":\"2026-02-01T10:00:00Z\"}")
public record OrderJson(long id, String externalId, String status, String customerEmail, String customerName,
                        String total, String currency, String trackingNumber, List<Line> lines,
                        List<String> allowedTransitions, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "OrderLine")
    public record Line(int lineNo, String sku, String title, int quantity, String unitPrice) {
    }

    static OrderJson of(OrderView o) {
        return new OrderJson(o.id(), o.externalId(), o.status(), o.customerEmail(), o.customerName(),
                o.total().toPlainString(), o.currency(), o.trackingNumber(),
                o.lines().stream().map(l -> new Line(l.lineNo(), l.sku(), l.title(), l.quantity(), l.unitPrice().toPlainString())).toList(),
                o.allowedTransitions(), o.createdAt(), o.updatedAt());
    }
}
