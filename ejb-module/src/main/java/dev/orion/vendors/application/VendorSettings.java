package dev.orion.vendors.application;

import java.math.BigDecimal;

/** What an administrator may change on a vendor (its code never changes: feeds and URLs use it). */
public record VendorSettings(String name, String locale, BigDecimal vatRate, String ordersFeedUrl) {
}
