package org.camelevolink.benchmarks;

import org.camelevolink.simulator.EvolinkSimulator;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap held per task in flight: live heap after a full GC at the moment the last task was submitted (with
 * Poisson arrivals some have ended by then; their records stay in the simulator, in every scenario alike), less the live heap before the scenario started, divided by the tasks in flight.
 * It includes the simulator's own record of each task, which is the same in every scenario: the floor's figure is
 * (almost) only that, so the report also gives each figure above the floor's.
 */
final class HeapProbe implements AutoCloseable {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final long baseline = usedAfterGc();
    private final Thread watcher;
    private volatile long perTask = -1;
    private volatile long gcMillis;

    private HeapProbe(EvolinkSimulator sim, TaskLedger ledger, int n) {
        watcher = new Thread(() -> watch(sim, ledger, n), "bench-heap-probe");
        watcher.setDaemon(true);
    }

    static HeapProbe start(EvolinkSimulator sim, TaskLedger ledger, int n) {
        HeapProbe probe = new HeapProbe(sim, ledger, n);
        probe.watcher.start();
        return probe;
    }

    private void watch(EvolinkSimulator sim, TaskLedger ledger, int n) {
        try {
            while (sim.tasks().size() < n) {
                Thread.sleep(5);
            }
            long inFlight = sim.tasks().size() - ledger.outcomes();
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
