package dev.orion.catalog.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The product feed formats Orion reads, told apart by the feed's first line: Google Merchant XML starts with
 * {@code <}, a Google Merchant TSV has tabs in its header (or none at all: a header-only or one-column feed),
 * Shopify and WooCommerce product exports are comma-separated with their exporters' column names.
 */
public enum ProductFeedFormat {

    GOOGLE_TSV("Google Merchant TSV", "id, title, price, availability (description, brand, gtin, image_link optional)"),
    GOOGLE_XML("Google Merchant XML (RSS 2.0 or Atom)", "items with g:id, title, g:price, g:availability"),
    SHOPIFY_CSV("Shopify product CSV", "Handle, Title, Variant SKU, Variant Price (Body (HTML), Vendor, Option1 Value, ... optional)"),
    WOOCOMMERCE_CSV("WooCommerce product CSV", String.join(", ", WooCommerceProducts.REQUIRED_COLUMNS)
            + " (Parent, Description, In stock?, Images, Brands, Attribute 1 value(s), ... optional)");

    /** How much of a feed is read to find its first line (XML feeds may be one long line). */
    public static final int SNIFF_CHARS = 65536;

    private final String label;
    private final String columns;

    ProductFeedFormat(String label, String columns) {
        this.label = label;
        this.columns = columns;
    }

    public String label() {
        return label;
    }

    /** The columns (or elements) this format must have. */
    public String columns() {
        return columns;
    }

    /** The format of a feed whose first line (without a byte order mark) is this; empty when Orion reads no such feed. */
    public static Optional<ProductFeedFormat> of(String firstLine) {
        if (firstLine == null || firstLine.isBlank()) {
            return Optional.of(GOOGLE_TSV); // an empty feed is refused before; a blank header imports nothing
        }
        if (firstLine.stripLeading().startsWith("<")) {
            return Optional.of(GOOGLE_XML);
        }
        if (firstLine.contains("\t")) {
            return Optional.of(GOOGLE_TSV);
        }
        if (ShopifyVariants.isShopifyHeader(firstLine)) {
            return Optional.of(SHOPIFY_CSV);
        }
        if (WooCommerceProducts.isWooCommerceHeader(csvColumns(firstLine))) {
            return Optional.of(WOOCOMMERCE_CSV);
        }
        return Optional.empty();
    }

    /** What Orion reads, one format a line with the columns it expects: the answer to a feed it does not. */
    public static String supported() {
        var lines = new ArrayList<String>();
        for (ProductFeedFormat format : values()) {
            lines.add(format.label + ": " + format.columns);
        }
        return String.join("; ", lines);
    }

    /** The first line, or the first {@link #SNIFF_CHARS} of it, leaving the reader where it was; null for an empty feed. */
    public static String firstLine(BufferedReader text) throws IOException {
        char[] start = new char[SNIFF_CHARS];
        text.mark(start.length);
        int length = 0;
        for (int n; length < start.length && (n = text.read(start, length, start.length - length)) > 0; ) {
            length += n;
        }
        text.reset();
        if (length == 0) {
            return null;
        }
        String head = new String(start, 0, length);
        int end = head.indexOf('\n');
        return (end < 0 ? head : head.substring(0, end)).replace("\r", "");
    }

    private static List<String> csvColumns(String header) {
        try (var parser = CSVFormat.DEFAULT.parse(new StringReader(header))) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).stream().map(String::strip).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return List.of(); // not even a CSV line
        }
    }
}
