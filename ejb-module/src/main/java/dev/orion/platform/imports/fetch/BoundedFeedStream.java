package dev.orion.platform.imports.fetch;

import dev.orion.platform.imports.FeedUnavailableException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;

/**
 * A fetched feed's body that ends the fetch at {@code cap} bytes or at the deadline (checked on every read, and
 * enforced meanwhile by cancelling the request); either is a {@link FeedUnavailableException}, not a short feed.
 */
final class BoundedFeedStream extends FilterInputStream {

    private final URI url;
    private final long cap;
    private final Instant end;
    private final Runnable release;
    private long read;
    private boolean closed;

    BoundedFeedStream(InputStream body, URI url, long cap, Instant end, Runnable release) {
        super(body);
        this.url = url;
        this.cap = cap;
        this.end = end;
        this.release = release;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        checkDeadline();
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException e) {
            checkDeadline();
            throw FeedUnavailableException.notFetched("reading " + url + " failed after " + read + " bytes: " + HttpFeedDownloader.describe(e));
        }
        if (n > 0) {
            read += n;
            if (read > cap) {
                throw FeedUnavailableException.notFetched(url + " sent more than the cap of " + cap + " bytes");
            }
        }
        return n;
    }

    /** Skipped bytes are read all the same, so the cap and the deadline count them. */
    @Override
    public long skip(long n) {
        byte[] discard = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int got = read(discard, 0, (int) Math.min(discard.length, n - skipped));
            if (got < 0) {
                break;
            }
            skipped += got;
        }
        return skipped;
    }

    @Override
    public int available() {
        return 0; // nothing is promised before it is counted
    }

    private void checkDeadline() {
        if (Instant.now().isAfter(end)) {
            throw FeedUnavailableException.notFetched(url + " was still sending after the deadline, " + read + " bytes in");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            release.run();
        }
    }
}
