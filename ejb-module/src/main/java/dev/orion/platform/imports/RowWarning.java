package dev.orion.platform.imports;

/**
 * Optional data of a feed row that was broken and dropped; the row itself was imported. {@code sku} names the
 * product, when the row is one, so the product's open issues list it.
 */
public record RowWarning(long line, String column, String value, IssueCode code, String reason, String sku) {

    public RowWarning(long line, String column, String value, IssueCode code, String reason) {
        this(line, column, value, code, reason, null);
    }
}
