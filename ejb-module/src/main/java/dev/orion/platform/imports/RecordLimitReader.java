package dev.orion.platform.imports;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.function.Supplier;

/**
 * Bounds the text a parser may take for one record (a CSV record whose quote never closes reads to the end of
 * the file): the reader of the feed calls {@link #recordRead()} after each record, and reading more than the
 * limit (in characters, never more than their UTF-8 bytes) since then refuses the feed with the reason given.
 * The parser's own read-ahead counts too, a few kilobytes at most.
 */
public final class RecordLimitReader extends FilterReader {

    private final long maxChars;
    private final Supplier<String> refusal;
    private long sinceRecord;

    public RecordLimitReader(Reader in, long maxChars, Supplier<String> refusal) {
        super(in);
        this.maxChars = maxChars;
        this.refusal = refusal;
    }

    public void recordRead() {
        sinceRecord = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        sinceRecord += n;
        if (sinceRecord > maxChars) {
            throw new FeedRefusedException(refusal.get());
        }
    }
}
