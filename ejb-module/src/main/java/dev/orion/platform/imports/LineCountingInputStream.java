package dev.orion.platform.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the lines that pass through, so an import knows its size for progress without a second read. */
final class LineCountingInputStream extends FilterInputStream {

    private long newlines;
    private int last = -1;

    LineCountingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            count(buffer[i]);
        }
        return n;
    }

    private void count(int b) {
        if (b == '\n') {
            newlines++;
        }
        last = b;
    }

    /** Lines seen, counting a last line that lacks its newline. */
    long lines() {
        return newlines + (last >= 0 && last != '\n' ? 1 : 0);
    }
}
