package dev.orion.catalog.application;

import dev.orion.platform.imports.IssueCode;
import dev.orion.platform.imports.RejectedRowException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the rows of a WooCommerce product export (the core exporter's CSV) into feed rows: simple (and external)
 * products and variations are products; variable (and grouped) rows are parents, not products, whose title,
 * description, brand and images their variations inherit (a variation names its parent as
 * {@code id:NN} or by the parent's SKU). A variation's title is its parent's name and its attribute values.
 * Parents are kept until the end of the file, as the exporter may write a parent's variations anywhere after it;
 * a reader that restarts replays the rows it passes over, so its checkpoint need not carry them.
 */
public final class WooCommerceProducts implements ShopExportRows {

    /** The columns a header must hold to be read as a WooCommerce export (the exporter's English names). */
    public static final List<String> REQUIRED_COLUMNS = List.of("ID", "Type", "SKU", "Name", "Regular price");
    private static final Set<String> PRODUCTS = Set.of("simple", "external", "variation");
    private static final Set<String> PARENTS = Set.of("variable", "grouped");
    private static final String GTIN = "GTIN, UPC, EAN, or ISBN";

    private final String currency;
    private final Map<String, Map<String, String>> parents = new HashMap<>();

    public WooCommerceProducts(String currency) {
        this.currency = currency;
    }

    /** True when the header's column names are those of a WooCommerce product export. */
    public static boolean isWooCommerceHeader(List<String> columns) {
        return columns.containsAll(REQUIRED_COLUMNS);
    }

    /** The feed row for this CSV record, if it is a product; parent rows and blank lines give none. */
    public Optional<FeedRow> accept(long line, Map<String, String> record) {
        String type = value(record, "Type");
        if (type == null) {
            return Optional.empty();
        }
        String kind = type.split(",")[0].strip().toLowerCase(Locale.ROOT); // "simple, virtual", "variation, downloadable"
        if (PARENTS.contains(kind)) {
            remember(record);
            return Optional.empty();
        }
        if (!PRODUCTS.contains(kind)) {
            throw new RejectedRowException(line, "Type", type, IssueCode.UNKNOWN_TYPE,
                    "Type must be simple, external, variable, grouped or variation, was: " + type);
        }
        Map<String, String> parent = kind.equals("variation") ? parentOf(record) : Map.of();
        var row = new HashMap<String, String>();
        row.put("id", value(record, "SKU"));
        row.put("title", title(record, parent, kind.equals("variation")));
        String description = firstOf(record, parent, "Description", "Short description");
        row.put("description", description == null ? null : description.replace("\\n", "\n")); // the exporter writes line breaks as \n
        row.put("brand", firstItem(inherited(record, parent, "Brands")));
        String price = value(record, "Regular price");
        row.put("price", price == null ? null : price + " " + currency);
        row.put("availability", availability(record));
        row.put("gtin", value(record, GTIN));
        row.put("image_link", firstItem(inherited(record, parent, "Images")));
        return Optional.of(new FeedRow(line, row));
    }

    private void remember(Map<String, String> record) {
        var fields = new HashMap<String, String>();
        for (String column : new String[] {"Name", "Description", "Short description", "Brands", "Images"}) {
            String value = value(record, column);
            if (value != null) {
                fields.put(column, value);
            }
        }
        String id = value(record, "ID");
        if (id != null) {
            parents.put("id:" + id, fields);
        }
        String sku = value(record, "SKU");
        if (sku != null) {
            parents.put(sku, fields);
        }
    }

    /** The variation's parent as the exporter names it: {@code id:NN}, or the parent's SKU; empty if not seen before. */
    private Map<String, String> parentOf(Map<String, String> record) {
        String parent = value(record, "Parent");
        return parent == null ? Map.of() : parents.getOrDefault(parent, Map.of());
    }

    /** A variation is its parent's name with its attribute values ("Hoodie - Blue / L"); one without a known parent keeps its own name. */
    private static String title(Map<String, String> record, Map<String, String> parent, boolean variation) {
        String own = value(record, "Name");
        String name = parent.get("Name");
        if (!variation || name == null) {
            return own;
        }
        var values = new StringBuilder();
        for (int i = 1; record.containsKey("Attribute " + i + " name"); i++) {
            String attribute = value(record, "Attribute " + i + " value(s)");
            if (attribute != null) {
                values.append(values.length() == 0 ? "" : " / ").append(attribute);
            }
        }
        return values.length() == 0 ? name : name + " - " + values;
    }

    private static String firstOf(Map<String, String> record, Map<String, String> parent, String... columns) {
        for (String column : columns) {
            String value = inherited(record, parent, column);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String inherited(Map<String, String> record, Map<String, String> parent, String column) {
        String own = value(record, column);
        return own != null ? own : parent.get(column);
    }

    /** The first of a comma-separated list (images, brands); the exporter escapes commas inside an item as {@code \,}. */
    private static String firstItem(String list) {
        if (list == null) {
            return null;
        }
        for (int i = 0; i < list.length(); i++) {
            if (list.charAt(i) == ',' && (i == 0 || list.charAt(i - 1) != '\\')) {
                return list.substring(0, i).strip().replace("\\,", ",");
            }
        }
        return list.strip().replace("\\,", ",");
    }

    /** "In stock?" is 1, 0 or backorder; without it, a stock count above zero is in stock. */
    private static String availability(Map<String, String> record) {
        String status = value(record, "In stock?");
        if (status != null) {
            return switch (status.toLowerCase(Locale.ROOT)) {
                case "1" -> "in_stock";
                case "0" -> "out_of_stock";
                case "backorder" -> "backorder";
                default -> status; // the mapper rejects it, naming the value
            };
        }
        String stock = value(record, "Stock");
        try {
            return stock == null || Integer.parseInt(stock) > 0 ? "in_stock" : "out_of_stock";
        } catch (NumberFormatException e) {
            return "in_stock";
        }
    }

    private static String value(Map<String, String> record, String column) {
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
