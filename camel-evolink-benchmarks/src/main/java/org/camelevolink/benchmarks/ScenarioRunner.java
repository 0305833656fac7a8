package org.camelevolink.benchmarks;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.task.SimTask;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/** Runs one scenario at one task count against the shared simulator and measures it. */
final class ScenarioRunner {

    private final EvolinkSimulator sim;
    private final BenchSettings settings;

    ScenarioRunner(EvolinkSimulator sim, BenchSettings settings) {
        this.sim = sim;
        this.settings = settings;
    }

    ScenarioResult run(Supplier<Scenario> factory, int n) throws Exception {
        sim.reset();
        LoadShape load = LoadShape.draw(n, settings);
        TaskLedger ledger = new TaskLedger();
        Scenario scenario = factory.get();
        try (ThreadCensus threads = ThreadCensus.start(); scenario;
                TaskSettler settler = TaskSettler.start(sim, load)) {
            scenario.start(new BenchEnvironment(sim, settings, load, ledger));
            HeapProbe heap = HeapProbe.start(sim, ledger, n);
            CpuMeter cpu = new CpuMeter();
            long started = System.currentTimeMillis();
            arrive(scenario, load, started);
            awaitOutcomes(ledger, n, started);
            long wall = System.currentTimeMillis() - started;
            heap.close();
            long cpuNanos = cpu.scenarioNanos();
            return result(scenario, n, load, ledger, started, wall, threads.peakAboveBaseline(),
                    heap.bytesPerTask(), cpuNanos);
        }
    }

    /** Hands each task over at its arrival time, from this thread (whose CPU is the scenario's). */
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

    private ScenarioResult result(Scenario scenario, int n, LoadShape load, TaskLedger ledger, long started,
            long wall, int peakThreads, long heapPerTask, long cpuNanos) {
        double[] latencies = new double[ledger.detectedCount()];
        double taskMillis = 0;
        long lastEnd = started;
        int i = 0;
        for (Map.Entry<String, Long> detected : ledger.detectedAt().entrySet()) {
            SimTask task = sim.task(detected.getKey());
            long end = load.endMillis(task); // the task's true end, not when the harness got round to ending it
            latencies[i++] = detected.getValue() - end;
            taskMillis += end - task.createdMillis();
            lastEnd = Math.max(lastEnd, end);
        }
        Arrays.sort(latencies);
        // when each callback's answer was back at the simulator, after the task ended: the delivery's own delay
        double[] callbacks = sim.callbackAttempts().stream()
                .mapToDouble(a -> a.atMillis() - load.endMillis(sim.task(a.taskId()))).sorted().toArray();
        return new ScenarioResult(scenario.id(), scenario.title(), n, requests(Endpoint.CREATE),
                requests(Endpoint.TASK_GET), requests(Endpoint.TASK_BATCH), percentile(latencies, 0.5),
                percentile(latencies, 0.95), percentile(latencies, 1.0), taskMillis / Math.max(1, latencies.length),
                wall, lastEnd - started, peakThreads, heapPerTask, cpuNanos, ledger.failures(), ledger.duplicates(),
                callbacks.length, percentile(callbacks, 0.5), percentile(callbacks, 0.95));
    }

    private long requests(Endpoint endpoint) {
        return sim.journal(endpoint).size();
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }
}
