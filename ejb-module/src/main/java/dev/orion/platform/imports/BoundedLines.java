package dev.orion.platform.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a text feed line by line (LF or CRLF, UTF-8) holding at most {@code maxBytes} of any line: a longer
 * line is passed over to its end without being kept, and reported by its number and length, so reading
 * goes on at the next line in constant memory.
 */
public final class BoundedLines implements Closeable {

    /** A line as read: {@code text} is null when the line was longer than the limit ({@code bytes} says how long). */
    public record Line(long number, String text, long bytes) {

        public boolean tooLong() {
            return text == null;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[65536];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private long number;

    public BoundedLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the feed. */
    public Line next() throws IOException {
        long bytes = 0;
        int kept = 0;
        int last = -1;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                break;
            }
            any = true;
            int start = position;
            int end = start;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int n = end - start;
            if (bytes + n <= maxBytes + 1L) { // one more for a CR before the LF
                kept = keep(kept, start, n);
            }
            bytes += n;
            last = n > 0 ? buffer[end - 1] : last;
            position = end;
            if (end < limit) {
                position++; // the LF
                break;
            }
        }
        if (!any) {
            return null;
        }
        number++;
        if (last == '\r') {
            bytes--;
            kept = (int) Math.min(kept, bytes);
        }
        if (bytes > maxBytes) {
            return new Line(number, null, bytes);
        }
        return new Line(number, new String(line, 0, kept, StandardCharsets.UTF_8), bytes);
    }

    private int keep(int kept, int start, int n) {
        if (kept + n > line.length) {
            line = Arrays.copyOf(line, Math.max(kept + n, Math.min(line.length * 2, maxBytes + 1)));
        }
        System.arraycopy(buffer, start, line, kept, n);
        return kept + n;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
