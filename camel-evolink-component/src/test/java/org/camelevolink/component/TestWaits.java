package org.camelevolink.component;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for something asynchronous to happen; the limit only keeps a broken test from hanging the build. */
public final class TestWaits {

    public static final Duration LIMIT = Duration.ofSeconds(20);

    private TestWaits() {
    }

    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what);
            }
        }
    }
}
