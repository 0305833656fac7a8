package org.camelevolink.benchmarks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** When each task's outcome reached the route that asked for it: what every scenario reports to the harness. */
public final class TaskLedger {

    private final Map<String, Long> detectedAt = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger outcomes = new AtomicInteger();

    /** The route saw task {@code taskId} finished, now. */
    public void detected(String taskId) {
        long now = System.currentTimeMillis();
        if (taskId == null || detectedAt.putIfAbsent(taskId, now) != null) {
            duplicates.incrementAndGet();
        }
        outcomes.incrementAndGet();
    }

    /** A task ended in an error instead of a result; the run is then not a valid measurement. */
    public void failed(Throwable error) {
        failures.incrementAndGet();
        outcomes.incrementAndGet();
        System.err.println("a benchmark task failed: " + error);
    }

    public int outcomes() {
        return outcomes.get();
    }

    public int detectedCount() {
        return detectedAt.size();
    }

    public int duplicates() {
        return duplicates.get();
    }

    public int failures() {
        return failures.get();
    }

    public Map<String, Long> detectedAt() {
        return detectedAt;
    }
}
