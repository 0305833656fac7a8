package org.camelevolink.benchmarks;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.task.SimTask;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends every task at the duration the {@link LoadShape} drew for it. The simulator draws its own durations (0.8x
 * to 1.2x {@code estimated_time}, in the order submits arrive) and takes none per task, so every task is created
 * never to finish on its own and this ends it through the simulator's control API at its creation plus its drawn
 * duration. A task's status and progress still follow the simulator's own draw until then; none of the scenarios
 * reads them. Runs on {@code bench-} threads, which the CPU and thread figures leave out.
 */
final class TaskSettler implements AutoCloseable {

    private final EvolinkSimulator sim;
    private final LoadShape load;
    private final Set<String> seen = new HashSet<>();
    private final ScheduledExecutorService ender = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "bench-task-ender"));
    private final Thread watcher;
    private volatile boolean running = true;

    private TaskSettler(EvolinkSimulator sim, LoadShape load) {
        this.sim = sim;
        this.load = load;
        sim.faults().random(null, Fault.of(FaultKind.NEVER_FINISH), 1.0);
        watcher = new Thread(this::watch, "bench-task-watcher");
        watcher.setDaemon(true);
    }

    /** Call after the simulator's reset (which forgets the rule that keeps tasks running). */
    static TaskSettler start(EvolinkSimulator sim, LoadShape load) {
        TaskSettler settler = new TaskSettler(sim, load);
        settler.watcher.start();
        return settler;
    }

    private void watch() {
        while (running && seen.size() < load.size()) {
            if (sim.tasks().size() > seen.size()) {
                for (SimTask task : sim.tasks().all()) {
                    if (seen.add(task.id())) {
                        long due = load.endMillis(task) - System.currentTimeMillis();
                        ender.schedule(() -> sim.completeTask(task.id()), Math.max(0, due), TimeUnit.MILLISECONDS);
                    }
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        watcher.interrupt();
        watcher.join();
        ender.shutdownNow();
    }
}
