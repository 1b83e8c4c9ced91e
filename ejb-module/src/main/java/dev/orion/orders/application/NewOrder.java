package dev.orion.orders.application;

import java.util.List;

/** An order a vendor system places: who buys, in which currency, which SKUs in which quantities. */
public record NewOrder(String externalId, String customerEmail, String customerName, String customerLocale,
                       String currency, List<Line> lines) {

    public record Line(String sku, int quantity) {
    }
}
