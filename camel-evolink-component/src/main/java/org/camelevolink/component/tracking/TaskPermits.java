package org.camelevolink.component.tracking;

import org.camelevolink.component.exceptions.TooManyTasksException;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * At most {@code max} tasks at once. A submission beyond it gets a future that completes when a place frees up:
 * it waits in a queue, not on a thread. 0 means no limit.
 */
public final class TaskPermits {

    private final int max;
    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int used;

    public TaskPermits(int max) {
        this.max = max;
    }

    /** {@code failFast}: beyond the limit, fail with {@link TooManyTasksException} instead of queueing. */
    public synchronized CompletableFuture<Void> acquire(boolean failFast) {
        if (max <= 0 || used < max) {
            used++;
            return CompletableFuture.completedFuture(null);
        }
        if (failFast) {
            return CompletableFuture.failedFuture(new TooManyTasksException(max));
        }
        CompletableFuture<Void> place = new CompletableFuture<>();
        waiting.add(place);
        return place;
    }

    /** Frees a place: the longest-waiting submission takes it. */
    public void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                used--;
            }
        }
        if (next != null) {
            next.complete(null);
        }
    }

    public synchronized int inUse() {
        return used;
    }

    public synchronized int queued() {
        return waiting.size();
    }
}
