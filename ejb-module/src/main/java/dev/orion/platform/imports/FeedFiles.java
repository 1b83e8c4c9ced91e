package dev.orion.platform.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * How stored feeds are read: gzip is recognised by its magic bytes and unpacked, a UTF-8 byte order mark is
 * dropped, and a file that holds NUL bytes near its start is not a text feed at all. What a gzip unpacks to is
 * bounded ({@link InflationLimit}).
 */
public final class FeedFiles {

    private static final int GZIP_MAGIC = 0x8b1f;
    private static final int SNIFF = 8192;

    private FeedFiles() {
    }

    /** The feed's text, as UTF-8 bytes without a byte order mark, unpacked (within the limits) if it was gzipped. */
    public static InputStream openText(InputStream stored, FeedLimits limits) throws IOException {
        InputStream in = new BufferedInputStream(stored, 65536);
        if (isGzip(in)) {
            var packed = new InflationLimit.Counted(in);
            in = new BufferedInputStream(new InflationLimit(new GZIPInputStream(packed, 65536), packed, limits), 65536);
        }
        return BOMInputStream.builder().setInputStream(in).setByteOrderMarks(ByteOrderMark.UTF_8).get();
    }

    public static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first >= 0 && second >= 0 && ((second << 8) | first) == GZIP_MAGIC;
    }

    /** True when the feed is XML: its first character, after a byte order mark and blanks, is '<'. */
    public static boolean looksLikeXml(InputStream in) throws IOException {
        byte[] head = peek(in);
        byte[] bom = ByteOrderMark.UTF_8.getBytes();
        int i = Arrays.equals(head, 0, Math.min(bom.length, head.length), bom, 0, bom.length) ? bom.length : 0;
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        return i < head.length && head[i] == '<';
    }

    /** True when the start of the (unpacked) feed holds a NUL byte: an image, a spreadsheet, not a text feed. */
    public static boolean looksBinary(InputStream in) throws IOException {
        byte[] head = peek(in);
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** The first bytes of a stream that supports mark and reset, leaving it where it was. */
    private static byte[] peek(InputStream in) throws IOException {
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        return head;
    }
}
