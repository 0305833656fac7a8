package org.camelevolink.benchmarks;

import java.util.Map;

/**
 * The figures of one run of one scenario at one task count.
 *
 * @param repetition             which repetition of its cell this run was (1, 2, ...)
 * @param posts, gets, batches   requests the simulator received: task creations, single reads, batch reads
 * @param unrouted               requests to a path it does not serve (the component's one probe of a missing batch
 *                               endpoint, answered 405)
 * @param readsAsked             single reads a fixed-cadence route asks for with these durations, -1 for others
 * @param latencyMedianMillis, latencyP95Millis, latencyMaxMillis  detection latency: when the route saw the outcome
 *                               minus the task's true end (its creation plus its drawn duration)
 * @param meanTaskMillis         the tasks' mean duration
 * @param wallMillis             first submit to last outcome
 * @param longestTaskMillis      first submit to the last task's end: no scenario can beat it
 * @param peakThreads            live threads of the scenario above those alive before it started
 * @param peakThreadsByGroup     the same per thread-name group
 * @param heapBytesPerTask       live heap per task in flight in the scenario's JVM (the simulator's is another JVM;
 *                               -1: none)
 * @param cpuNanos               CPU time of the scenario's threads (GC, JIT and the simulator excluded)
 * @param cpuNanosByGroup        the same per thread-name group
 * @param simulatorCpuNanos      CPU time of the simulator's process (a JVM of its own), 10 ms resolution
 * @param processCpuNanos        CPU time of the scenario's whole JVM: scenario, harness, GC and JIT (not the
 *                               simulator)
 * @param gcMillis               the JVM's collection time, the heap probe's own full collections left out
 * @param callbacks              callback attempts the simulator made
 * @param callbackSendMedianMillis, callbackSendP95Millis  when the simulator sent each callback, after the task ended
 * @param callbackAnswerMedianMillis, callbackAnswerP95Millis  when the receiver's answer was back, after it was sent
 */
public record ScenarioResult(String id, String title, Scenario.Role role, int tasks, int repetition, long posts,
        long gets, long batches, long unrouted, long readsAsked, double latencyMedianMillis, double latencyP95Millis,
        double latencyMaxMillis, double meanTaskMillis, long wallMillis, long longestTaskMillis, int peakThreads,
        Map<String, Integer> peakThreadsByGroup, long heapBytesPerTask, long cpuNanos,
        Map<String, Long> cpuNanosByGroup, long simulatorCpuNanos, long processCpuNanos, long gcMillis, int failures,
        int duplicates, int callbacks, double callbackSendMedianMillis, double callbackSendP95Millis,
        double callbackAnswerMedianMillis, double callbackAnswerP95Millis) {

    /**
     * Saturated: a fixed-cadence route made fewer than 80% of the reads its cadence asks for (each read's own time
     * stretches the cadence a little; at the quick mode's 30 ms cadence, a lot).
     */
    static final double SATURATION_SHARE = 0.8;

    public double requestsPerTask() {
        return (double) (posts + gets + batches + unrouted) / tasks;
    }

    public double cpuMicrosPerTask() {
        return cpuNanos / 1_000.0 / tasks;
    }

    public double processCpuMicrosPerTask() {
        return processCpuNanos / 1_000.0 / tasks;
    }

    /** p95 detection latency as a share of the mean task's duration. */
    public double latencyP95Share() {
        return latencyP95Millis / meanTaskMillis;
    }

    public boolean saturated() {
        return readsAsked > 0 && gets < SATURATION_SHARE * readsAsked;
    }

    public boolean valid() {
        return failures + duplicates == 0;
    }

    @Override
    public String toString() {
        return String.format("%s n=%d rep=%d req/task=%.3f (POST %d, GET %d, batch %d, unrouted %d)"
                        + " latency p50/p95/max=%.0f/%.0f/%.0f ms wall=%d ms (longest task %d ms) threads=%d"
                        + " heap/task=%d B cpu/task=%.0f us sim cpu=%d ms process cpu=%d ms gc=%d ms%s%s",
                id, tasks, repetition, requestsPerTask(), posts, gets, batches, unrouted, latencyMedianMillis,
                latencyP95Millis, latencyMaxMillis, wallMillis, longestTaskMillis, peakThreads, heapBytesPerTask,
                cpuMicrosPerTask(), simulatorCpuNanos / 1_000_000, processCpuNanos / 1_000_000, gcMillis,
                saturated() ? " SATURATED (" + gets + " of " + readsAsked + " reads asked)" : "",
                valid() ? "" : " FAILURES=" + failures + " DUPLICATES=" + duplicates);
    }
}
