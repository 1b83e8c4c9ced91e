package dev.orion.catalog.domain;

import java.util.Arrays;
import java.util.Locale;

/** Availability values as Google Merchant Center spells them (lowercase, underscores). */
public enum Availability {
    IN_STOCK, OUT_OF_STOCK, PREORDER, BACKORDER, DISCONTINUED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Availability fromWire(String value) {
        String normalized = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        return Arrays.stream(values())
                .filter(a -> a.wireName().equals(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown availability '" + value
                        + "'; expected one of in_stock, out_of_stock, preorder, backorder, discontinued"));
    }
}
