package org.camelevolink.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * What the harness asks of the simulator a scenario runs against: all of it over the simulator's HTTP control API
 * ({@code /__simulator/...}), so the simulator can run in a JVM of its own.
 */
interface SimulatorHandle extends AutoCloseable {

    /** Requests the simulator received since its last reset, per endpoint, and how many tasks it holds. */
    record Counts(long posts, long gets, long batches, long unrouted, int tasks) {
    }

    /** A task as the simulator holds it: when it was created and how long it runs (its true end is their sum). */
    record TaskView(String id, long createdMillis, long durationMillis) {
        long endMillis() {
            return createdMillis + durationMillis;
        }
    }

    /** One callback delivery attempt: when it was sent and when the receiver's answer was back. */
    record CallbackView(String taskId, long sentMillis, long atMillis) {
    }

    /** The base URL of the EvoLink API it serves. */
    String baseUrl();

    /** Forgets every task, count, callback and chosen duration. */
    void reset();

    /** Tasks created from now on with one of these prompts run that many milliseconds. */
    void chooseDurations(Map<String, Long> millisByPrompt);

    Counts counts();

    /** Every task it holds, by id. */
    Map<String, TaskView> tasks();

    List<CallbackView> callbackAttempts();

    /** CPU time the simulator has used since it started, in nanoseconds. */
    long cpuNanos();

    @Override
    void close();
}
