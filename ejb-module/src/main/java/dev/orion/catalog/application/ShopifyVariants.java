package dev.orion.catalog.application;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the rows of a Shopify product CSV into feed rows, one per variant: product fields (title, body,
 * vendor, status, first image) come from the first row of each handle and are inherited by its variants;
 * rows that carry only an image are images, not products. Holds the current handle's fields; a reader that
 * restarts inside a handle replays the rows it passes over, so its checkpoint need not carry them.
 */
public final class ShopifyVariants implements ShopExportRows {

    static final String HANDLE = "Handle";
    private static final String SKU = "Variant SKU";
    private static final String PRICE = "Variant Price";

    private final String currency;
    private HashMap<String, String> product = new HashMap<>();

    public ShopifyVariants(String currency) {
        this.currency = currency;
    }

    /** True when a CSV header looks like a Shopify product export. */
    public static boolean isShopifyHeader(String header) {
        return header.contains(HANDLE) && header.contains(SKU);
    }

    /** The feed row for this CSV record, if it is a variant; image-only rows and blank lines give none. */
    public Optional<FeedRow> accept(long line, Map<String, String> record) {
        String handle = value(record, HANDLE);
        if (handle == null) {
            return Optional.empty();
        }
        if (!handle.equals(product.get(HANDLE))) {
            product = new HashMap<>();
            product.put(HANDLE, handle);
            for (String field : new String[] {"Title", "Body (HTML)", "Vendor", "Status", "Image Src"}) {
                String value = value(record, field);
                if (value != null) {
                    product.put(field, value);
                }
            }
        }
        if (value(record, SKU) == null && value(record, PRICE) == null) {
            return Optional.empty(); // an extra image of the handle
        }
        var row = new HashMap<String, String>();
        row.put("id", value(record, SKU));
        row.put("title", title(record));
        row.put("description", product.get("Body (HTML)"));
        row.put("brand", product.get("Vendor"));
        row.put("price", value(record, PRICE) == null ? null : value(record, PRICE) + " " + currency);
        row.put("availability", availability(record));
        row.put("gtin", value(record, "Variant Barcode"));
        row.put("image_link", value(record, "Variant Image") != null ? value(record, "Variant Image") : product.get("Image Src"));
        return Optional.of(new FeedRow(line, row));
    }

    /** The fields a checkpoint of an earlier version kept. */
    @SuppressWarnings("unchecked")
    public void restore(Serializable context) {
        product = context == null ? new HashMap<>() : new HashMap<>((Map<String, String>) context);
    }

    /** The product title, with the variant's option values unless it is the only, default variant. */
    private String title(Map<String, String> record) {
        String title = product.get("Title");
        var options = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            String option = value(record, "Option" + i + " Value");
            if (option != null && !option.equals("Default Title")) {
                options.append(options.length() == 0 ? "" : " / ").append(option);
            }
        }
        return title == null || options.length() == 0 ? title : title + " - " + options;
    }

    private String availability(Map<String, String> record) {
        String status = product.getOrDefault("Status", "active").toLowerCase(Locale.ROOT);
        if (status.equals("archived")) {
            return "discontinued";
        }
        String quantity = value(record, "Variant Inventory Qty");
        if (quantity == null || value(record, "Variant Inventory Tracker") == null) {
            return "in_stock"; // Shopify does not track this variant's stock
        }
        try {
            return Integer.parseInt(quantity) > 0 ? "in_stock"
                    : "continue".equalsIgnoreCase(value(record, "Variant Inventory Policy")) ? "backorder" : "out_of_stock";
        } catch (NumberFormatException e) {
            return "in_stock";
        }
    }

    private static String value(Map<String, String> record, String column) {
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
