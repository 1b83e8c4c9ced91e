package dev.orion.platform.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts what a gzip stream unpacks to and refuses it past an absolute size or, once past a small allowance,
 * past a ratio to the packed bytes read so far: a 1.5 MB "gzip bomb" never becomes 1.5 GB of text.
 */
final class InflationLimit extends FilterInputStream {

    private final Counted packed;
    private final FeedLimits limits;
    private long unpacked;

    InflationLimit(InputStream inflating, Counted packed, FeedLimits limits) {
        super(inflating);
        this.packed = packed;
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        unpacked += n;
        if (unpacked > limits.maxInflatedBytes()) {
            throw new FeedRefusedException("The gzipped feed unpacks to more than " + limits.maxInflatedBytes()
                    + " bytes (ORION_IMPORT_MAX_INFLATED_BYTES); the import stops here");
        }
        if (unpacked > FeedLimits.RATIO_FREE_BYTES && unpacked > packed.count() * limits.maxInflationRatio()) {
            throw new FeedRefusedException("The gzipped feed unpacks to more than " + limits.maxInflationRatio()
                    + " times its packed size (ORION_IMPORT_MAX_INFLATION_RATIO), which no real feed does; the import stops here");
        }
    }

    /** The packed bytes the inflater has taken so far. */
    static final class Counted extends FilterInputStream {

        private long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }

        long count() {
            return count;
        }
    }
}
