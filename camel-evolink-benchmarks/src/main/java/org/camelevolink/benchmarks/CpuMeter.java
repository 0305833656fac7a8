package org.camelevolink.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time over a measurement: of each thread (JMX per-thread CPU time), summed per thread-name group; of the whole
 * process; of the simulator's process (a JVM of its own); and this JVM's garbage collection time. The scenario's CPU
 * is its groups' sum: GC, JIT and the simulator are not in it, and are reported beside it. A thread
 * that ended before the end of the measurement is lost to the per-thread figures (the scenarios' threads live
 * until the scenario is closed, after the measurement).
 */
final class CpuMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final SimulatorHandle sim;
    private final long startSimulator;
    private final Map<Long, Long> startByThread = threadCpu(new HashMap<>());
    private final long startProcess = processCpuNanos();
    private final long startGc = gcMillis();

    CpuMeter(SimulatorHandle sim) {
        this.sim = sim;
        this.startSimulator = sim.cpuNanos();
    }

    /** What was used since this meter was made. */
    record Usage(Map<String, Long> nanosByGroup, long scenarioNanos, long simulatorNanos, long processNanos,
            long gcMillis) {
    }

    Usage used() {
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> now = threadCpu(names);
        Map<String, Long> byGroup = new TreeMap<>();
        long scenario = 0;
        for (Map.Entry<Long, Long> t : now.entrySet()) {
            String name = names.get(t.getKey());
            long used = t.getValue() - startByThread.getOrDefault(t.getKey(), 0L);
            if (ThreadNames.isHarness(name) || used <= 0) {
                continue;
            }
            scenario += used;
            byGroup.merge(ThreadNames.group(name), used, Long::sum);
        }
        return new Usage(byGroup, scenario, sim.cpuNanos() - startSimulator, processCpuNanos() - startProcess,
                gcMillis() - startGc);
    }

    private static Map<Long, Long> threadCpu(Map<Long, String> names) {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                    names.put(info.getThreadId(), info.getThreadName());
                }
            }
        }
        return cpu;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }
}
