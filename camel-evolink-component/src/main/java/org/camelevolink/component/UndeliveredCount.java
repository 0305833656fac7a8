package org.camelevolink.component;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The count of undelivered task records, read from the store at most every 10 seconds: metrics scrapes, JMX and the
 * console ask often, and a shared store's count is a query.
 */
final class UndeliveredCount {

    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final LongSupplier read;
    private long value;
    private long readAt;
    private boolean known;

    UndeliveredCount(LongSupplier read) {
        this.read = read;
    }

    synchronized long get() {
        long now = System.nanoTime();
        if (!known || now - readAt > FRESH_NANOS) {
            try {
                value = read.getAsLong();
                known = true;
                readAt = now;
            } catch (RuntimeException e) {
                return value; // the store fails: the health checks say so; the last count stands
            }
        }
        return value;
    }
}
