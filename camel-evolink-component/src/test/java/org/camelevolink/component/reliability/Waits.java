package org.camelevolink.component.reliability;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for something asynchronous; the limits only keep a broken run from hanging the build. */
final class Waits {

    static final Duration LIMIT = Duration.ofSeconds(30);

    private Waits() {
    }

    static void until(String what, BooleanSupplier condition) {
        until(what, condition, LIMIT, () -> "");
    }

    static void until(String what, BooleanSupplier condition, Duration limit, Supplier<String> detail) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for: " + what + " " + detail.get());
            }
            pause(5);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
