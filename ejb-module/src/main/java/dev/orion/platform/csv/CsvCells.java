package dev.orion.platform.csv;

/**
 * Makes the cells of a CSV that Orion writes safe to open in a spreadsheet (OWASP "CSV injection"): text that
 * starts with {@code = + - @}, a tab or a carriage return would be run as a formula, so it gets a leading single
 * quote, which spreadsheets show as text. Numbers (values passed as {@link Number}) are written as they are:
 * a negative amount in a numeric column is data, not a formula. Every CSV writer passes its records through here.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** The values of one record, text neutralised, numbers and nulls as they are. */
    public static Object[] safe(Object... values) {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = safe(values[i]);
        }
        return cells;
    }

    public static Object safe(Object value) {
        if (value == null || value instanceof Number) {
            return value;
        }
        String text = value.toString();
        return text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 ? text : "'" + text;
    }
}
