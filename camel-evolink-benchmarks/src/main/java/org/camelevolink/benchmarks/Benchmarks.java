package org.camelevolink.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Every scenario at every task count, repeated: each scenario warms up once, then every repetition runs the
 * scenarios of each N in an order of its own (shuffled from the run's seed), so no scenario always follows the same
 * one, against one simulator (or its twin without the batch endpoint), each in a JVM of its own.
 */
public final class Benchmarks {

    /** The scenarios in report order. */
    static final List<Supplier<Scenario>> SCENARIOS = List.of(
            () -> new EvolinkScenario(EvolinkScenario.Mode.WAITING_PRODUCER, EvolinkScenario.Variant.FILE_STORE),
            () -> new EvolinkScenario(EvolinkScenario.Mode.WAITING_PRODUCER, EvolinkScenario.Variant.IN_MEMORY),
            () -> new EvolinkScenario(EvolinkScenario.Mode.WAITING_PRODUCER, EvolinkScenario.Variant.SINGLE_READS),
            () -> new EvolinkScenario(EvolinkScenario.Mode.POLLING_CONSUMER, EvolinkScenario.Variant.FILE_STORE),
            () -> new EvolinkScenario(EvolinkScenario.Mode.POLLING_CONSUMER, EvolinkScenario.Variant.IN_MEMORY),
            () -> new EvolinkScenario(EvolinkScenario.Mode.POLLING_CONSUMER, EvolinkScenario.Variant.SINGLE_READS),
            () -> new EvolinkScenario(EvolinkScenario.Mode.CALLBACK_CONSUMER, EvolinkScenario.Variant.FILE_STORE),
            () -> new EvolinkScenario(EvolinkScenario.Mode.CALLBACK_CONSUMER, EvolinkScenario.Variant.IN_MEMORY),
            () -> new PollingRouteScenario(PollingRouteScenario.Tuning.FIXED_DELAY),
            () -> new PollingRouteScenario(PollingRouteScenario.Tuning.FIXED_DELAY_DEFAULT_POOL),
            () -> new PollingRouteScenario(PollingRouteScenario.Tuning.FIRST_READ_AT_ESTIMATE),
            BatchPollerRouteScenario::new,
            CallbackRouteScenario::new,
            PollingFloorScenario::new,
            CallbackFloorScenario::new);

    /** Tasks of a scenario's warm-up run. */
    static final int WARM_UP_TASKS = 200;

    private Benchmarks() {
    }

    /** Runs every scenario and returns the figures of every run. */
    public static List<ScenarioResult> run(BenchSettings settings, List<Integer> taskCounts) throws Exception {
        return run(settings, taskCounts, "all");
    }

    /**
     * Runs the scenarios {@code selection} names: {@code all}, or ids and id prefixes separated by commas ({@code a}
     * is a, a-mem and a-single; {@code d1} is d1 and d1-sat).
     */
    public static List<ScenarioResult> run(BenchSettings settings, List<Integer> taskCounts, String selection)
            throws Exception {
        List<Supplier<Scenario>> chosen = SCENARIOS.stream().filter(s -> selected(s.get().id(), selection)).toList();
        int largest = Collections.max(taskCounts);
        List<ScenarioResult> results = new ArrayList<>();
        try (SimulatorHandle sim = SimulatorProcess.start(settings, true);
                SimulatorHandle noBatch = SimulatorProcess.start(settings, false)) {
            ScenarioRunner runner = new ScenarioRunner(sim, noBatch, settings);
            for (Supplier<Scenario> scenario : chosen) {
                runner.warmUp(scenario, Math.min(WARM_UP_TASKS, taskCounts.get(0)));
            }
            Random order = new Random(settings.seed());
            for (int rep = 1; rep <= settings.repetitions(); rep++) {
                for (int n : taskCounts) {
                    List<Supplier<Scenario>> cells = new ArrayList<>(chosen.stream()
                            .filter(s -> s.get().runsAt(n, largest)).toList());
                    Collections.shuffle(cells, order);
                    for (Supplier<Scenario> scenario : cells) {
                        ScenarioResult result = runner.run(scenario, n, rep);
                        System.out.println(result);
                        results.add(result);
                    }
                }
            }
        }
        return results;
    }

    static boolean selected(String id, String selection) {
        return selection.equals("all") || Arrays.stream(selection.split(",")).map(String::trim)
                .anyMatch(part -> !part.isEmpty() && id.startsWith(part));
    }
}
