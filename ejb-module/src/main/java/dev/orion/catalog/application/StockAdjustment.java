package dev.orion.catalog.application;

/** One line of a stock adjustment batch: add {@code delta} (negative to remove) to a SKU's stock, and why. */
public record StockAdjustment(String sku, int delta, String reason) {
}
