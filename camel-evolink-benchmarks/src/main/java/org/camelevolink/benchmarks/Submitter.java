package org.camelevolink.benchmarks;

/** One way of sending a paid submit and waiting for its answer, from any of the submit measurement's callers. */
interface Submitter extends AutoCloseable {

    /** Its name in the report. */
    String id();

    /** Submits task {@code i} and returns its task id once the submit is answered; a refused submit throws. */
    String submit(int i) throws Exception;

    /** The create request's body for task {@code i}: the same for every submitter. */
    static String body(String model, int i) {
        return "{\"model\":\"" + model + "\",\"prompt\":\"" + BenchEnvironment.prompt(i) + "\"}";
    }
}
