package org.camelevolink.component.tracking;

import org.camelevolink.component.store.ForwardingTaskStore;
import org.camelevolink.component.store.InMemoryTaskStore;
import org.camelevolink.component.store.TaskState;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real store (in memory) that counts the aggregate reads the figures and the credit budget make, and can hold
 * them until released or make them fail: to see how often they read and that nobody waits for them.
 */
final class CountingTaskStore extends ForwardingTaskStore {

    final AtomicInteger creditReads = new AtomicInteger();
    final AtomicInteger countReads = new AtomicInteger();
    /** Reads wait for a permit while {@link #hold} is set. */
    private final Semaphore permits = new Semaphore(0);
    volatile boolean hold;
    final AtomicReference<RuntimeException> failWith = new AtomicReference<>();

    CountingTaskStore() {
        super(new InMemoryTaskStore());
    }

    void release() {
        hold = false;
        permits.release(1_000);
    }

    private void aggregateRead() {
        if (hold) {
            permits.acquireUninterruptibly();
        }
        RuntimeException failure = failWith.get();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public double creditsReservedSince(long submittedSince) {
        creditReads.incrementAndGet();
        aggregateRead();
        return store.creditsReservedSince(submittedSince);
    }

    @Override
    public Map<TaskState, Integer> countsByState() {
        countReads.incrementAndGet();
        aggregateRead();
        return store.countsByState();
    }
}
