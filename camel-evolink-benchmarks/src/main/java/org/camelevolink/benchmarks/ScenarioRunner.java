package org.camelevolink.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs one scenario at one task count against its simulator and measures it. Before the run the simulator is reset
 * and told each task's drawn duration (by its prompt), so every task ends on its own at its creation plus that
 * duration, and nothing of the harness touches a task while it runs.
 */
final class ScenarioRunner {

    private final SimulatorHandle withBatch;
    private final SimulatorHandle withoutBatch;
    private final BenchSettings settings;

    /** {@code withoutBatch} serves no {@code POST /v1/tasks/batch}, for the scenarios that say so. */
    ScenarioRunner(SimulatorHandle withBatch, SimulatorHandle withoutBatch, BenchSettings settings) {
        this.withBatch = withBatch;
        this.withoutBatch = withoutBatch;
        this.settings = settings;
    }

    /** A measured run with the run's arrivals and durations for {@code n}. */
    ScenarioResult run(Supplier<Scenario> factory, int n, int repetition) throws Exception {
        return run(factory, LoadShape.draw(n, settings), repetition);
    }

    /** A run whose figures are thrown away: it only has the JIT compile the scenario's paths. */
    void warmUp(Supplier<Scenario> factory, int n) throws Exception {
        run(factory, LoadShape.warmUp(n, settings), 0);
    }

    private ScenarioResult run(Supplier<Scenario> factory, LoadShape load, int repetition) throws Exception {
        Scenario scenario = factory.get();
        SimulatorHandle sim = scenario.batchEndpoint() ? withBatch : withoutBatch;
        sim.reset();
        sim.chooseDurations(load.durationsByPrompt());
        int n = load.size();
        TaskLedger ledger = new TaskLedger();
        try (ThreadCensus threads = ThreadCensus.start(); scenario) {
            scenario.start(new BenchEnvironment(sim, settings, load, ledger));
            HeapProbe heap = HeapProbe.start(sim, ledger, n);
            CpuMeter cpu = new CpuMeter(sim);
            long started = System.currentTimeMillis();
            arrive(scenario, load, started);
            awaitOutcomes(ledger, n, started);
            long wall = System.currentTimeMillis() - started;
            heap.close();
            CpuMeter.Usage used = cpu.used();
            return result(sim, scenario, load, ledger, repetition, started, wall, threads, heap, used);
        }
    }

    /** Hands each task over at its arrival time, from this thread (its CPU, a submit until it goes async, is the scenario's). */
    private static void arrive(Scenario scenario, LoadShape load, long started) throws Exception {
        for (int i = 0; i < load.size(); i++) {
            long wait = started + load.arrivalMillis(i) - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            scenario.submit(i);
        }
    }

    private void awaitOutcomes(TaskLedger ledger, int n, long started) throws InterruptedException {
        long deadline = started + settings.maxRunTime().toMillis();
        while (ledger.outcomes() < n) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("stuck: " + ledger.outcomes() + " of " + n + " outcomes after "
                        + settings.maxRunTime());
            }
            Thread.sleep(2);
        }
    }

    private static ScenarioResult result(SimulatorHandle sim, Scenario scenario, LoadShape load, TaskLedger ledger,
            int repetition, long started, long wall, ThreadCensus threads, HeapProbe heap, CpuMeter.Usage used) {
        double[] latencies = new double[ledger.detectedCount()];
        double taskMillis = 0;
        long lastEnd = started;
        int i = 0;
        Map<String, SimulatorHandle.TaskView> tasks = sim.tasks();
        for (Map.Entry<String, Long> detected : ledger.detectedAt().entrySet()) {
            SimulatorHandle.TaskView task = tasks.get(detected.getKey());
            long end = task.endMillis(); // the task's true end: its creation plus the duration drawn for it
            latencies[i++] = detected.getValue() - end;
            taskMillis += task.durationMillis();
            lastEnd = Math.max(lastEnd, end);
        }
        Arrays.sort(latencies);
        List<SimulatorHandle.CallbackView> attempts = sim.callbackAttempts();
        // the sender's delay (sent after the true end) apart from the receiver's (answer back after sending)
        double[] sent = attempts.stream().mapToDouble(a -> a.sentMillis() - tasks.get(a.taskId()).endMillis())
                .sorted().toArray();
        double[] answered = attempts.stream().mapToDouble(a -> a.atMillis() - a.sentMillis()).sorted().toArray();
        SimulatorHandle.Counts counts = sim.counts();
        int n = load.size();
        return new ScenarioResult(scenario.id(), scenario.title(), scenario.role(), n, repetition,
                counts.posts(), counts.gets(), counts.batches(), counts.unrouted(), scenario.readsAsked(load), percentile(latencies, 0.5),
                percentile(latencies, 0.95), percentile(latencies, 1.0), taskMillis / Math.max(1, latencies.length),
                wall, lastEnd - started, threads.peakAboveBaseline(), threads.peakAboveBaselineByGroup(),
                heap.bytesPerTask(), used.scenarioNanos(), used.nanosByGroup(), used.simulatorNanos(),
                used.processNanos(), Math.max(0, used.gcMillis() - heap.gcMillis()), ledger.failures(),
                ledger.duplicates(), attempts.size(), percentile(sent, 0.5), percentile(sent, 0.95),
                percentile(answered, 0.5), percentile(answered, 0.95));
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }
}
