package dev.orion.orders.application;

import dev.orion.orders.domain.Order;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** An order as the API and console show it. */
public record OrderView(long id, long vendorId, String externalId, String status, String customerEmail,
                        String customerName, BigDecimal total, String currency, String trackingNumber,
                        List<Line> lines, List<String> allowedTransitions, OffsetDateTime createdAt,
                        OffsetDateTime updatedAt, String customerLocale) implements Serializable {

    public record Line(int lineNo, String sku, String title, int quantity, BigDecimal unitPrice) implements Serializable {

        public BigDecimal amount() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    public static OrderView of(Order order) {
        return new OrderView(order.getId(), order.getVendorId(), order.getExternalId(), order.getStatus().name(),
                order.getCustomer().getEmail(), order.getCustomer().getFullName(), order.getTotal().amount(),
                order.getTotal().currency(), order.getTrackingNumber(),
                order.getLines().stream().map(l -> new Line(l.getLineNo(), l.getSku(), l.getTitle(), l.getQuantity(),
                        l.getUnitPrice().amount())).toList(),
                order.getStatus().next().stream().map(Enum::name).sorted().toList(),
                order.getCreatedAt(), order.getUpdatedAt(), order.getCustomer().getLocale());
    }
}
