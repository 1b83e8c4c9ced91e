package dev.orion.catalog.batch;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Reads a feed's next items on a thread of its own into a bounded queue, so the feed is parsed while the chunk's
 * thread waits for PostgreSQL to merge the previous chunk (JBeret's chunk loop reads, then writes, on one thread).
 * <p>
 * The position (records consumed) travels with each item: {@link #position()} is where the last item handed out
 * ends, never how far the reading thread got, so a checkpoint taken from it is exact. An exception the source
 * throws is handed out in its place, in order: after a {@code skippable} one (a rejected row) reading goes on,
 * after any other, or the end of the feed, the thread stops. {@link #close()} stops it wherever it is and waits
 * for it, so the source can be closed after; a thread blocked on a full queue is interrupted.
 */
final class ReadAhead<T> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReadAhead.class.getName());
    /** How long {@link #close()} waits for the thread to stop: one record's parse, unless the storage hangs. */
    private static final long STOP_WAIT_SECONDS = 30;

    /** The next item, or null at the end of the feed. */
    interface Source<T> {
        T next() throws Exception;
    }

    /** An item or the failure that stands in its place, and the position after it; {@code last}: nothing follows. */
    private record Entry<T>(T item, Throwable failure, long position, boolean last) {
    }

    private final BlockingQueue<Entry<T>> queue;
    private final Source<T> source;
    private final LongSupplier sourcePosition;
    private final Class<? extends Exception> skippable;
    private final Thread thread;
    private volatile boolean closed;
    /** The entry that ended the feed, handed out again to every later call. */
    private Entry<T> end;
    private long position;

    /**
     * Starts reading {@code source} on a thread of {@code threads}, at most {@code capacity} items ahead.
     * {@code sourcePosition} is read on that thread after each item; {@code start} is the position before the first.
     */
    ReadAhead(ThreadFactory threads, String name, int capacity, Source<T> source, LongSupplier sourcePosition, long start,
              Class<? extends Exception> skippable) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.source = source;
        this.sourcePosition = sourcePosition;
        this.skippable = skippable;
        this.position = start;
        this.thread = threads.newThread(this::readAhead);
        thread.setName(name);
        thread.start();
    }

    private void readAhead() {
        try {
            while (!closed) {
                Entry<T> entry;
                try {
                    T item = source.next();
                    entry = new Entry<>(item, null, sourcePosition.getAsLong(), item == null);
                } catch (Exception | Error e) {
                    entry = new Entry<>(null, e, sourcePosition.getAsLong(), !skippable.isInstance(e));
                }
                queue.put(entry);
                if (entry.last()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed while the queue was full
        }
    }

    /** The next item, null at the end; throws what the source threw in its place. */
    T next() throws Exception {
        Entry<T> entry = end;
        while (entry == null) {
            entry = queue.poll(1, TimeUnit.SECONDS);
            if (entry == null && !thread.isAlive() && (entry = queue.poll()) == null) {
                // only a failure of the thread itself (out of memory building an entry) ends it without a last one
                throw new IllegalStateException(thread.getName() + " ended without reaching the end of the feed");
            }
        }
        position = entry.position();
        if (entry.last()) {
            end = entry;
        }
        if (entry.failure() instanceof Exception e) {
            throw e;
        }
        if (entry.failure() instanceof Error e) {
            throw e;
        }
        return entry.item();
    }

    /** Records consumed up to the end of the last item (or failure) handed out. */
    long position() {
        return position;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        queue.clear();
        try {
            // join, not a flag the thread sets on its way out: the thread has ended when close returns
            thread.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
            if (thread.isAlive()) {
                LOG.warning(() -> thread.getName() + " did not stop within " + STOP_WAIT_SECONDS + " s of the reader's close;"
                        + " it ends at its next record");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
