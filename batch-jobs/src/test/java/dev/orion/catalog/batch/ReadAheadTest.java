package dev.orion.catalog.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    private static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message);
        }
    }

    /** A feed of {@code rows} numbered rows, one record each; rows named in {@code rejected} throw instead. */
    private static final class Feed {
        final int rows;
        final List<Integer> rejected;
        volatile long consumed;

        Feed(int rows, List<Integer> rejected) {
            this.rows = rows;
            this.rejected = rejected;
        }

        Integer next() {
            if (consumed == rows) {
                return null;
            }
            int row = (int) ++consumed;
            if (rejected.contains(row)) {
                throw new Rejected("row " + row);
            }
            return row;
        }
    }

    private final List<Thread> started = new ArrayList<>();
    private final ThreadFactory threads = runnable -> {
        Thread thread = new Thread(runnable);
        started.add(thread);
        return thread;
    };

    @Test
    void theCheckpointIsWhereTheLastItemHandedOutEndsNotHowFarTheThreadRead() throws Exception {
        var feed = new Feed(100, List.of());
        try (var ahead = new ReadAhead<>(threads, "test", 50, feed::next, () -> feed.consumed, 0, Rejected.class)) {
            assertEquals(1, ahead.next());
            assertEquals(2, ahead.next());
            waitUntil(() -> feed.consumed > 40);
            assertEquals(2, ahead.position());
        }
    }

    @Test
    void aRejectedRowIsHandedOutInItsPlaceAndReadingGoesOn() throws Exception {
        var feed = new Feed(5, List.of(3));
        try (var ahead = new ReadAhead<>(threads, "test", 2, feed::next, () -> feed.consumed, 0, Rejected.class)) {
            assertEquals(1, ahead.next());
            assertEquals(2, ahead.next());
            assertEquals("row 3", assertThrows(Rejected.class, ahead::next).getMessage());
            assertEquals(3, ahead.position(), "a restart must not read the rejected row again");
            assertEquals(4, ahead.next());
            assertEquals(5, ahead.next());
            assertNull(ahead.next());
            assertNull(ahead.next(), "the end stays the end");
            assertEquals(5, ahead.position());
        }
    }

    @Test
    void anyOtherFailureEndsReadingAndIsHandedOutAgainIfAskedAgain() throws Exception {
        var calls = new AtomicInteger();
        var refusal = new IllegalStateException("refused");
        ReadAhead.Source<Integer> source = () -> {
            if (calls.incrementAndGet() == 2) {
                throw refusal;
            }
            return calls.get();
        };
        try (var ahead = new ReadAhead<>(threads, "test", 10, source, calls::get, 0, Rejected.class)) {
            assertEquals(1, ahead.next());
            assertSame(refusal, assertThrows(IllegalStateException.class, ahead::next));
            assertSame(refusal, assertThrows(IllegalStateException.class, ahead::next));
            waitUntil(() -> !started.get(0).isAlive());
            assertEquals(2, calls.get(), "nothing read after the failure");
        }
    }

    @Test
    void closeStopsTheThreadBlockedOnAFullQueueAndWaitsForIt() throws Exception {
        var feed = new Feed(1_000_000, List.of());
        var ahead = new ReadAhead<>(threads, "test", 10, feed::next, () -> feed.consumed, 0, Rejected.class);
        assertEquals(1, ahead.next());
        waitUntil(() -> feed.consumed >= 11);
        ahead.close();

        assertFalse(started.get(0).isAlive());
        assertTrue(feed.consumed < 100, "it stopped reading");
        ahead.close(); // twice: the reader's close, then its @PreDestroy
    }

    @Test
    void itStartsAtTheRestartPosition() throws Exception {
        var feed = new Feed(10, List.of());
        feed.consumed = 7;
        try (var ahead = new ReadAhead<>(threads, "test", 10, feed::next, () -> feed.consumed, 7, Rejected.class)) {
            assertEquals(7, ahead.position());
            assertEquals(8, ahead.next());
            assertEquals(8, ahead.position());
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
