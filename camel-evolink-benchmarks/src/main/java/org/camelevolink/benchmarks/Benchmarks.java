package org.camelevolink.benchmarks;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Every scenario at every task count, against one simulator, in one run. */
public final class Benchmarks {

    /** The scenarios in report order; the floor runs first at each N so the others can be read against it. */
    static final List<Supplier<Scenario>> SCENARIOS = List.of(
            BareClientFloorScenario::new,
            () -> new EvolinkScenario(EvolinkScenario.Mode.WAITING_PRODUCER),
            () -> new EvolinkScenario(EvolinkScenario.Mode.POLLING_CONSUMER),
            () -> new EvolinkScenario(EvolinkScenario.Mode.CALLBACK_CONSUMER),
            HandWrittenHttpScenario::new);

    private Benchmarks() {
    }

    /** Runs every scenario and returns the figures, sorted by N then scenario. */
    public static List<ScenarioResult> run(BenchSettings settings, List<Integer> taskCounts) throws Exception {
        return run(settings, taskCounts, "abcde");
    }

    /** Runs the scenarios whose letters are in {@code scenarioIds}. */
    public static List<ScenarioResult> run(BenchSettings settings, List<Integer> taskCounts, String scenarioIds)
            throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().timeScale(settings.timeScale())
                .apiKey(BenchSettings.API_KEY, 1e12).allowInsecureCallbacks(true).imageBaseSize(64).build();
        List<ScenarioResult> results = new ArrayList<>();
        try (EvolinkSimulator sim = EvolinkSimulator.start(config)) {
            ScenarioRunner runner = new ScenarioRunner(sim, settings);
            runner.run(BareClientFloorScenario::new, Math.min(200, taskCounts.get(0))); // warms the JIT up
            for (int n : taskCounts) {
                for (Supplier<Scenario> scenario : SCENARIOS) {
                    if (!scenarioIds.contains(scenario.get().id())) {
                        continue;
                    }
                    ScenarioResult result = runner.run(scenario, n);
                    System.out.println(result);
                    results.add(result);
                }
            }
        }
        results.sort((x, y) -> x.tasks() != y.tasks() ? Integer.compare(x.tasks(), y.tasks())
                : x.id().compareTo(y.id()));
        return results;
    }
}
