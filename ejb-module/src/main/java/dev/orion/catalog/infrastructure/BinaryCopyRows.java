package dev.orion.catalog.infrastructure;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.ByteConverter;

/**
 * Rows for {@code COPY ... FROM STDIN WITH (FORMAT binary)} (PostgreSQL's "Binary Format": a header, each row as
 * its field count then each field as its length and bytes, -1 for NULL, a trailer), sent {@link #SEND_BYTES} at a
 * time as they are written. PostgreSQL then receives each value as its type's binary form (text as UTF-8, numeric
 * as PgJDBC's {@link ByteConverter#numeric(BigDecimal)} writes it, a {@code text[]} as its elements) instead of
 * parsing CSV, array literals and decimal text: the staging {@code COPY} of a 5,000-row chunk costs PostgreSQL
 * about half as much (docs/performance.md).
 */
final class BinaryCopyRows {

    /** Bytes written before they are sent: PostgreSQL reads the first rows while the last are written. */
    static final int SEND_BYTES = 64 * 1024;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final int TEXT_OID = 25;

    private final CopyIn copy;
    private byte[] buffer = new byte[SEND_BYTES + 4096];
    private int length;

    BinaryCopyRows(CopyIn copy) {
        this.copy = copy;
        System.arraycopy(HEADER, 0, buffer, 0, HEADER.length); // signature, flags 0, no header extension
        length = HEADER.length;
    }

    /** Starts a row of {@code fields} values; the previous row's bytes are sent once there are enough. */
    BinaryCopyRows row(int fields) throws SQLException {
        if (length >= SEND_BYTES) {
            send();
        }
        return int16(fields);
    }

    BinaryCopyRows text(String value) {
        if (value == null) {
            return int32(-1);
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return int32(bytes.length).bytes(bytes);
    }

    BinaryCopyRows integer(Integer value) {
        return value == null ? int32(-1) : int32(4).int32(value);
    }

    BinaryCopyRows smallint(int value) {
        return int32(2).int16(value);
    }

    BinaryCopyRows numeric(BigDecimal value) {
        if (value == null) {
            return int32(-1);
        }
        byte[] bytes = ByteConverter.numeric(value);
        return int32(bytes.length).bytes(bytes);
    }

    /** A one-dimensional {@code text[]}, lower bound 1, as array_recv reads it. */
    BinaryCopyRows textArray(List<String> values) {
        if (values == null) {
            return int32(-1);
        }
        byte[][] elements = new byte[values.size()][];
        int size = 20;
        boolean nulls = false;
        for (int i = 0; i < elements.length; i++) {
            String value = values.get(i);
            elements[i] = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
            nulls |= value == null;
            size += 4 + (value == null ? 0 : elements[i].length);
        }
        if (elements.length == 0) {
            return int32(12).int32(0).int32(0).int32(TEXT_OID); // no dimensions: the empty array
        }
        int32(size).int32(1).int32(nulls ? 1 : 0).int32(TEXT_OID).int32(elements.length).int32(1);
        for (byte[] element : elements) {
            if (element == null) {
                int32(-1);
            } else {
                int32(element.length).bytes(element);
            }
        }
        return this;
    }

    /** The trailer, the last bytes, and the end of the {@code COPY}. */
    void end() throws SQLException {
        int16(-1);
        send();
        copy.endCopy();
    }

    private void send() throws SQLException {
        copy.writeToCopy(buffer, 0, length);
        length = 0;
    }

    private BinaryCopyRows int16(int value) {
        ensure(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
        return this;
    }

    private BinaryCopyRows int32(int value) {
        ensure(4);
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
        return this;
    }

    private BinaryCopyRows bytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        return this;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more)); // one large value
        }
    }
}
