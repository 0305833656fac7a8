package org.camelevolink.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap held per task in flight in the scenario's JVM: live heap after a full GC at the moment the simulator holds
 * all N tasks (with Poisson arrivals some have ended by then), less the live heap before the scenario started,
 * divided by the tasks in flight. The simulator runs in a JVM of its own, so none of its records are in it. The
 * simulator's task count is polled every {@value #POLL_MILLIS} ms over its control API.
 */
final class HeapProbe implements AutoCloseable {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    static final long POLL_MILLIS = 20;

    private final long baseline = usedAfterGc();
    private final Thread watcher;
    private volatile long perTask = -1;
    private volatile long gcMillis;

    private HeapProbe(SimulatorHandle sim, TaskLedger ledger, int n) {
        watcher = new Thread(() -> watch(sim, ledger, n), "bench-heap-probe");
        watcher.setDaemon(true);
    }

    static HeapProbe start(SimulatorHandle sim, TaskLedger ledger, int n) {
        HeapProbe probe = new HeapProbe(sim, ledger, n);
        probe.watcher.start();
        return probe;
    }

    private void watch(SimulatorHandle sim, TaskLedger ledger, int n) {
        try {
            int tasks;
            while ((tasks = sim.counts().tasks()) < n) {
                Thread.sleep(POLL_MILLIS);
            }
            long inFlight = tasks - ledger.outcomes();
            long gcBefore = gcTotalMillis();
            long used = usedAfterGc();
            gcMillis = gcTotalMillis() - gcBefore;
            // too few in flight (most ended before the last was submitted) says nothing per task
            perTask = inFlight >= n / 4 && used > baseline ? (used - baseline) / inFlight : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static long gcTotalMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    /** The GC time of this probe's own full collections, which the run's GC figure leaves out. */
    long gcMillis() {
        return gcMillis;
    }

    /** Bytes per task in flight, or -1 if no moment with tasks in flight was caught. */
    long bytesPerTask() {
        return perTask;
    }

    @Override
    public void close() throws InterruptedException {
        watcher.join(60_000);
    }
}
