package dev.orion.catalog.infrastructure;

import java.math.BigDecimal;
import java.util.List;

/**
 * One row of PostgreSQL's {@code COPY ... FROM STDIN} text format: tab-separated, {@code \N} for null, and the
 * backslash, tab, line feed and carriage return of a value escaped, so any text a feed carries arrives as it was.
 */
final class CopyText {

    private final StringBuilder out;
    private boolean first = true;

    CopyText(StringBuilder out) {
        this.out = out;
    }

    CopyText text(String value) {
        separate();
        if (value == null) {
            out.append("\\N");
        } else {
            escape(value);
        }
        return this;
    }

    CopyText number(BigDecimal value) {
        return text(value == null ? null : value.toPlainString());
    }

    CopyText number(Integer value) {
        return text(value == null ? null : value.toString());
    }

    /** A {@code text[]} as its array literal, every element quoted (so commas, braces and NULL stay text). */
    CopyText array(List<String> values) {
        if (values == null) {
            return text(null);
        }
        var literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return text(literal.append('}').toString());
    }

    void endRow() {
        out.append('\n');
        first = true;
    }

    private void separate() {
        if (!first) {
            out.append('\t');
        }
        first = false;
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
