package org.camelevolink.benchmarks;

/**
 * The figures of one scenario at one task count.
 *
 * @param posts, gets, batches   requests the simulator received: task creations, single reads, batch reads
 * @param latencyMedianMillis, latencyP95Millis, latencyMaxMillis  detection latency: when the route saw the outcome
 *                               minus when the task finished at the simulator
 * @param meanTaskMillis         the tasks' mean duration at the simulator
 * @param wallMillis             first submit to last outcome
 * @param longestTaskMillis      first submit to the last task's end at the simulator: no scenario can beat it
 * @param peakThreads            live threads of the scenario above those alive before it started
 * @param heapBytesPerTask       live heap per task in flight, the simulator's record of the task included
 * @param cpuNanos               CPU time of the scenario's threads (GC, JIT and the simulator excluded)
 * @param callbacks, callbackMedianMillis, callbackP95Millis  callbacks the simulator sent, and when their answer was
 *                               back at it after the task ended (NaN without callbacks)
 */
public record ScenarioResult(String id, String title, int tasks, long posts, long gets, long batches,
        double latencyMedianMillis, double latencyP95Millis, double latencyMaxMillis, double meanTaskMillis,
        long wallMillis, long longestTaskMillis, int peakThreads, long heapBytesPerTask, long cpuNanos,
        int failures, int duplicates, int callbacks, double callbackMedianMillis, double callbackP95Millis) {

    public double requestsPerTask() {
        return (double) (posts + gets + batches) / tasks;
    }

    public double cpuMicrosPerTask() {
        return cpuNanos / 1_000.0 / tasks;
    }

    /** p95 detection latency as a share of the mean task's duration. */
    public double latencyP95Share() {
        return latencyP95Millis / meanTaskMillis;
    }

    @Override
    public String toString() {
        return String.format("%s n=%d req/task=%.3f (POST %d, GET %d, batch %d) latency p50/p95/max=%.0f/%.0f/%.0f ms"
                        + " wall=%d ms (longest task %d ms) threads=%d heap/task=%d B cpu/task=%.0f us%s",
                id, tasks, requestsPerTask(), posts, gets, batches, latencyMedianMillis, latencyP95Millis,
                latencyMaxMillis, wallMillis, longestTaskMillis, peakThreads, heapBytesPerTask, cpuMicrosPerTask(),
                failures + duplicates == 0 ? "" : " FAILURES=" + failures + " DUPLICATES=" + duplicates);
    }
}
