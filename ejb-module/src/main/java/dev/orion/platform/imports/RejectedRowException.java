package dev.orion.platform.imports;

/** A feed row whose required data is broken; the import skips it and reports why, under a stable {@link IssueCode}. */
public class RejectedRowException extends RuntimeException {

    private final long line;
    private final String column;
    private final String value;
    private final String reason;
    private final IssueCode code;
    private final String sku;

    public RejectedRowException(long line, String column, String value, String reason) {
        this(line, column, value, IssueCode.OTHER, reason);
    }

    public RejectedRowException(long line, String column, String value, IssueCode code, String reason) {
        this(line, column, value, code, reason, null);
    }

    private RejectedRowException(long line, String column, String value, IssueCode code, String reason, String sku) {
        super("Line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.value = value;
        this.reason = reason;
        this.code = code;
        this.sku = sku;
    }

    /** The same rejection, naming the product (SKU) the row was for, so the product's open issues list it. */
    public RejectedRowException forSku(String sku) {
        return new RejectedRowException(line, column, value, code, reason, sku);
    }

    public long line() { return line; }
    public String column() { return column; }
    public String value() { return value; }
    public String reason() { return reason; }
    public IssueCode code() { return code; }
    public String sku() { return sku; }
}
