package org.camelevolink.benchmarks;

/** One way of driving image tasks to completion; the harness measures it around {@link #submit}. */
public interface Scenario extends AutoCloseable {

    /** The letter of the list: a to e. */
    String id();

    /** What it is, for the report. */
    String title();

    /** Builds and starts what the scenario needs (a CamelContext, a client), before measuring starts. */
    void start(BenchEnvironment env) throws Exception;

    /** Hands {@code n} tasks over at once; each outcome goes to {@link BenchEnvironment#ledger()}. */
    void submit(int n) throws Exception;

    @Override
    void close() throws Exception;
}
