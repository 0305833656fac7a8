package org.camelevolink.benchmarks;

/** One way of driving image tasks to completion; the harness measures it around {@link #submit}. */
public interface Scenario extends AutoCloseable {

    /** The letter of the list: a to e. */
    String id();

    /** What it is, for the report. */
    String title();

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
