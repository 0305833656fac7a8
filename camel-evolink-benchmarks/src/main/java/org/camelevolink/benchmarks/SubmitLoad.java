package org.camelevolink.benchmarks;

import org.camelevolink.component.exceptions.EvolinkApiException;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code total} submits through one {@link Submitter} from {@code callers} threads, each sending its next task as soon
 * as the last one's exchange is done; what came of every task (a task id or an error, counted by kind) and how long
 * each caller waited for it.
 *
 * @param ids         exchanges that ended with a task id
 * @param errors      exchanges that ended with an error, by kind ("EvolinkApiException 429 rate_limit_exceeded")
 * @param latencyNanos from the send to the exchange done, for every task, sorted
 */
record SubmitLoad(int total, int callers, long ids, Map<String, Long> errors, long[] latencyNanos, long wallNanos) {

    static SubmitLoad run(Submitter submitter, int total, int callers, int firstIndex) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[total];
        LongAdder ids = new LongAdder();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(callers);
        long started = System.nanoTime();
        for (int c = 0; c < callers; c++) {
            Thread caller = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        try {
                            submitter.submit(firstIndex + i);
                            ids.increment();
                        } catch (Exception e) {
                            errors.computeIfAbsent(kind(e), k -> new LongAdder()).increment();
                        }
                        latencies[i] = System.nanoTime() - sent;
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-submit-caller-" + c);
            caller.setDaemon(true);
            caller.start();
        }
        done.await();
        long wall = System.nanoTime() - started;
        Arrays.sort(latencies);
        Map<String, Long> counted = new TreeMap<>();
        errors.forEach((k, v) -> counted.put(k, v.sum()));
        return new SubmitLoad(total, callers, ids.sum(), counted, latencies, wall);
    }

    /** The error's type, with EvoLink's status and code when it is the component's typed API error. */
    static String kind(Throwable e) {
        if (e instanceof EvolinkApiException api) {
            return "EvolinkApiException " + api.getStatusCode() + " " + api.getCode();
        }
        return e.getClass().getSimpleName();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Submits per second over the whole load. */
    double perSecond() {
        return total / (wallNanos / 1e9);
    }

    double latencyMillis(double p) {
        return ScenarioRunner.percentile(Arrays.stream(latencyNanos).asDoubleStream().toArray(), p) / 1e6;
    }
}
