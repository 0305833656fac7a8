package org.camelevolink.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the scenario's own threads (those {@link ThreadCensus} counts; they live until the scenario is
 * closed, after the measurement). The JVM's shared costs, garbage collection and JIT compilation, are left out:
 * the simulator in the same JVM would blur them.
 */
final class CpuMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> start = scenarioThreads();

    /** Nanoseconds of CPU the scenario's threads used since this meter was made. */
    long scenarioNanos() {
        long used = 0;
        for (Map.Entry<Long, Long> now : scenarioThreads().entrySet()) {
            used += now.getValue() - start.getOrDefault(now.getKey(), 0L);
        }
        return used;
    }

    private static Map<Long, Long> scenarioThreads() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && !ThreadCensus.isOutsideScenario(info.getThreadName())) {
                long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }
}
