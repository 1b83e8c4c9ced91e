package dev.orion.vendors.application;

import java.math.BigDecimal;

/**
 * What an administrator may change on a vendor (its code never changes: feeds and URLs use it). A null
 * {@code lowStockThreshold} keeps the vendor's (a new vendor's is 5).
 */
public record VendorSettings(String name, String locale, BigDecimal vatRate, String ordersFeedUrl, Integer lowStockThreshold) {

    /** A new vendor's low-stock threshold (the platform-wide one before it was a setting). */
    public static final int DEFAULT_LOW_STOCK_THRESHOLD = dev.orion.vendors.domain.Vendor.DEFAULT_LOW_STOCK_THRESHOLD;
}
