package org.camelevolink.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the live threads that belong to the scenario under test: every thread except the simulator's (which
 * shares the JVM) and the harness's own. Sampled every 20 ms in the background; the peak is what is reported.
 */
final class ThreadCensus implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final int baseline;
    private final AtomicInteger peak = new AtomicInteger();
    private final Thread sampler;
    private volatile boolean running = true;

    private ThreadCensus() {
        baseline = settledCount();
        sampler = new Thread(this::sample, "bench-thread-census");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts counting; threads alive now are the baseline the peak is measured against. */
    static ThreadCensus start() {
        return new ThreadCensus();
    }

    /** The simulator and the harness run in the same JVM; neither is part of what is measured. */
    static boolean isOutsideScenario(String name) {
        return name.startsWith("evolink-sim") || name.startsWith("HttpClient-") || name.equals("HTTP-Dispatcher")
                || name.startsWith("idle-timeout") || name.startsWith("bench-");
    }

    private void sample() {
        while (running) {
            peak.accumulateAndGet(count(), Math::max);
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
        return (int) Arrays.stream(THREADS.getThreadInfo(THREADS.getAllThreadIds()))
                .filter(Objects::nonNull).map(ThreadInfo::getThreadName)
                .filter(name -> !isOutsideScenario(name)).count();
    }

    /** The most threads the scenario had alive at once, beyond those alive before it started. */
    int peakAboveBaseline() {
        return Math.max(0, peak.get() - baseline);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
    }
}
