package dev.orion.platform.imports;

/** A feed row whose required data is broken; the import skips it and reports why. */
public class RejectedRowException extends RuntimeException {

    private final long line;
    private final String column;
    private final String value;
    private final String reason;

    public RejectedRowException(long line, String column, String value, String reason) {
        super("Line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.value = value;
        this.reason = reason;
    }

    public long line() { return line; }
    public String column() { return column; }
    public String value() { return value; }
    public String reason() { return reason; }
}
