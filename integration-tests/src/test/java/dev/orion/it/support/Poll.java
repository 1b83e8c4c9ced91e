package dev.orion.it.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something the server does in the background, with a deadline instead of a fixed sleep. */
public final class Poll {

    private Poll() {
    }

    public static <T> T until(Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up after " + timeout + "; last value: " + value);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = probe.get();
        }
        return value;
    }
}
