package org.camelevolink.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * The submit measurement's figures: throughput runs of every submitter at every caller count, and the runs against
 * a rate-limited simulator.
 *
 * @param submits     submits of each throughput run
 * @param timeScale   the submit simulators' time scale (tasks so long that no read falls within a run)
 */
record SubmitResults(int submits, double timeScale, List<Throughput> throughput, List<RateLimited> rateLimited) {

    /**
     * One throughput run.
     *
     * @param posts      {@code POST /v1/images/generations} the simulator received
     * @param tasks      tasks the simulator holds afterwards
     */
    record Throughput(String submitter, int callers, int repetition, int submits, double perSecond, double p50Millis,
            double p95Millis, double p99Millis, long posts, long tasks, long errors) {
    }

    /**
     * One run of {@code tasks} submits against a simulator limiting the key to {@code limitPerSecond}.
     *
     * @param maxSubmitRetries the component's setting in this run
     * @param posts            submits the simulator received, first attempts and retries
     * @param rateLimited      those it answered 429 (with {@code Retry-After})
     * @param charged          those that reserved credits: paid submits
     * @param ids              exchanges that ended with a task id
     * @param errors           exchanges that ended with an error, by kind
     * @param reads            task reads the simulator received meanwhile (they would share the key's bucket)
     */
    record RateLimited(int maxSubmitRetries, boolean defaultRetries, int tasks, int callers, double limitPerSecond,
            int burst, long posts, long rateLimited, long charged, long ids, Map<String, Long> errors, long reads,
            double wallSeconds, double p50Millis, double p99Millis) {

        long retries() {
            return posts - tasks;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Exchanges that ended with neither a task id nor an error. */
        long lost() {
            return tasks - ids - errorCount();
        }

        /** Paid submits per second over the run. */
        double effectiveRate() {
            return charged / wallSeconds;
        }
    }
}
