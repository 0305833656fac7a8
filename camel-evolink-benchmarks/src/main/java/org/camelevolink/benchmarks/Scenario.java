package org.camelevolink.benchmarks;

/** One way of driving image tasks to completion; the harness measures it around {@link #submit}. */
public interface Scenario extends AutoCloseable {

    /** What a scenario stands for in the comparisons. */
    enum Role {
        /** The {@code evolink:} component: a, b and c. */
        COMPONENT,
        /** A hand-written Camel route, the best of which every figure is compared with: d1 to d4. */
        BASELINE,
        /** A baseline at the sizing that saturates it, shown marked and left out of the comparisons. */
        SATURATION,
        /** The fewest requests a polling client can make: one batch read per 50 tasks, at their end. */
        POLLING_FLOOR,
        /** The fewest requests a callback client can make: its POST, nothing else. */
        CALLBACK_FLOOR
    }

    /** Its name in the report: the letter, with a suffix for a variant (a-mem, d2, e1...). */
    String id();

    /** What it is, for the report. */
    String title();

    Role role();

    /** False for a scenario run against a simulator without {@code POST /v1/tasks/batch}. */
    default boolean batchEndpoint() {
        return true;
    }

    /** Whether it runs at {@code n} tasks when the run's largest count is {@code largestN}. */
    default boolean runsAt(int n, int largestN) {
        return true;
    }

    /**
     * The single reads its fixed cadence asks for with these durations, or -1 when it has none: fewer reads made
     * than asked means the route could not keep up (saturated).
     */
    default long readsAsked(LoadShape load) {
        return -1;
    }

    /** Builds and starts what the scenario needs (a CamelContext, a client), before measuring starts. */
    void start(BenchEnvironment env) throws Exception;

    /**
     * Hands task {@code i} over without waiting for it (its prompt is {@link BenchEnvironment#prompt(int)}); its
     * outcome goes to {@link BenchEnvironment#ledger()}. The harness calls it from one thread at each arrival.
     */
    void submit(int i) throws Exception;

    @Override
    void close() throws Exception;
}
