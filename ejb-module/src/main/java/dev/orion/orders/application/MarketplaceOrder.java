package dev.orion.orders.application;

import dev.orion.platform.imports.RowWarning;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One order of a marketplace orders feed, validated: the marketplace's order id, when it was placed, who
 * bought and what, at the marketplace's prices. {@code line} is the feed line it came from.
 */
public record MarketplaceOrder(long line, String externalId, OffsetDateTime placedAt, String currency,
                               String customerEmail, String customerName, String customerLocale,
                               List<Line> lines, List<RowWarning> warnings) implements Serializable {

    public record Line(String sku, String title, int quantity, BigDecimal unitPrice) implements Serializable {
    }
}
