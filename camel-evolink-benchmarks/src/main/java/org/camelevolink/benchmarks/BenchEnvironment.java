package org.camelevolink.benchmarks;

import org.camelevolink.simulator.EvolinkSimulator;

/** What a scenario runs against: the simulator, the settings and the ledger of the current run. */
public record BenchEnvironment(EvolinkSimulator sim, BenchSettings settings, TaskLedger ledger) {

    /** The prompt of task {@code i}: distinct, so no two requests look alike. */
    static String prompt(int i) {
        return "a lighthouse at dusk, number " + i;
    }
}
