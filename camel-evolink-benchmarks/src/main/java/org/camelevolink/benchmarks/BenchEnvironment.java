package org.camelevolink.benchmarks;

import org.camelevolink.simulator.EvolinkSimulator;

/** What a scenario runs against: the simulator, the settings, the run's arrivals and durations, and its ledger. */
public record BenchEnvironment(EvolinkSimulator sim, BenchSettings settings, LoadShape load, TaskLedger ledger) {

    /** The prompt of task {@code i}: distinct, so no two requests look alike. */
    static String prompt(int i) {
        return "a lighthouse at dusk, number " + i;
    }
}
