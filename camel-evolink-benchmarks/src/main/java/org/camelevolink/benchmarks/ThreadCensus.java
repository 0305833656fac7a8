package org.camelevolink.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Counts the live threads that belong to the scenario under test: every thread except the harness's own (the
 * simulator runs in a JVM of its own). Sampled every 20 ms in the background; the peak is what is reported, in
 * all and per thread-name group ({@link ThreadNames#group}).
 */
final class ThreadCensus implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final int baseline;
    private final Map<String, Integer> baselineByGroup;
    private final AtomicInteger peak = new AtomicInteger();
    private final Map<String, Integer> peakByGroup = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private ThreadCensus() {
        baseline = settledCount();
        baselineByGroup = byGroup();
        sampler = new Thread(this::sample, "bench-thread-census");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts counting; threads alive now are the baseline the peak is measured against. */
    static ThreadCensus start() {
        return new ThreadCensus();
    }

    private void sample() {
        while (running) {
            Map<String, Integer> now = byGroup();
            peak.accumulateAndGet(now.values().stream().mapToInt(Integer::intValue).sum(), Math::max);
            now.forEach((group, count) -> peakByGroup.merge(group, count, Math::max));
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The previous scenario's threads may still be ending: the baseline is taken once the count holds still. */
    private static int settledCount() {
        int last = count();
        for (int i = 0; i < 100; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            int now = count();
            if (now == last) {
                break;
            }
            last = now;
        }
        return last;
    }

    private static int count() {
        return byGroup().values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Map<String, Integer> byGroup() {
        return Arrays.stream(THREADS.getThreadInfo(THREADS.getAllThreadIds()))
                .filter(Objects::nonNull).map(ThreadInfo::getThreadName)
                .filter(name -> !ThreadNames.isOutsideScenario(name))
                .collect(Collectors.groupingBy(ThreadNames::group, Collectors.summingInt(name -> 1)));
    }

    /** The most threads the scenario had alive at once, beyond those alive before it started. */
    int peakAboveBaseline() {
        return Math.max(0, peak.get() - baseline);
    }

    /** Per group, the most threads alive at once beyond the group's before the scenario; groups above 0 only. */
    Map<String, Integer> peakAboveBaselineByGroup() {
        Map<String, Integer> above = new TreeMap<>();
        peakByGroup.forEach((group, count) -> {
            int extra = count - baselineByGroup.getOrDefault(group, 0);
            if (extra > 0) {
                above.put(group, extra);
            }
        });
        return above;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
    }
}
