package org.camelevolink.component.crash;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the application with SIGKILL while it is submitting and emitting 200 tasks, starts it again on the same
 * persistent task store, and checks that every task reaches the consumer's route, that the route's output exists
 * once per task, and that the simulator was paid exactly 200 times.
 */
class CrashRecoveryTest {

    private static final int TASKS = 200;
    private static final long LIMIT_MILLIS = 120_000;

    private final EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.02)
            .allowInsecureCallbacks(true).imageBaseSize(64).build());
    private Process app;

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.destroyForcibly();
        }
        sim.close();
    }

    @Test
    void nothingIsLostAndNothingIsPaidTwiceAcrossAKill(@TempDir Path work) throws Exception {
        Files.createDirectories(work.resolve("in"));
        for (int i = 0; i < TASKS; i++) {
            Files.writeString(work.resolve("in").resolve(String.format("order-%03d.txt", i)), "poster number " + i);
        }
        Path store = work.resolve("store/tasks.mv");

        app = start(work, store, 1);
        // killed while orders are still being submitted and finished tasks are being emitted
        waitFor("the first emissions", () -> CrashApp.lines(work.resolve("emitted.log")).size() >= 20);
        app.destroyForcibly().waitFor();
        long submittedBeforeKill = sim.journal(Endpoint.CREATE).size();
        long emittedBeforeKill = CrashApp.lines(work.resolve("emitted.log")).size();

        app = start(work, store, 2);
        waitFor("every task's output", () -> CrashApp.outputs(work).size() == TASKS);
        Thread.sleep(500); // room for a wrong extra emission to show
        app.destroyForcibly().waitFor();

        List<String> emitted = CrashApp.lines(work.resolve("emitted.log"));
        Map<String, Long> perTask = emitted.stream().collect(Collectors.groupingBy(l -> l.split(" ")[0],
                Collectors.counting()));
        long duplicates = emitted.size() - perTask.size();
        System.out.printf("crash test: killed after %d submits and %d emissions; %d tasks, %d emissions, "
                + "%d duplicates, %d paid submits%n", submittedBeforeKill, emittedBeforeKill, perTask.size(),
                emitted.size(), duplicates, sim.journal().chargedSubmits());

        assertThat(sim.journal().chargedSubmits()).as("paid submits").isEqualTo(TASKS);
        Set<String> taskIds = sim.journal(Endpoint.CREATE).stream().filter(e -> e.isCharged())
                .map(e -> e.taskId()).collect(Collectors.toSet());
        assertThat(perTask.keySet()).as("every paid task reached the route").isEqualTo(taskIds);
        assertThat(CrashApp.outputs(work)).hasSize(TASKS);
        Map<String, String> taskByOrder = new HashMap<>();
        for (Path out : CrashApp.outputs(work)) {
            taskByOrder.put(out.getFileName().toString(), Files.readString(out));
        }
        assertThat(Set.copyOf(taskByOrder.values())).as("one task per order").hasSize(TASKS);
        // a route interrupted by the kill after its work but before the store heard of it runs again: at most the
        // exchanges in flight at that instant (the component's worker threads)
        assertThat(duplicates).as("re-emissions after the kill").isLessThanOrEqualTo(4);
    }

    private Process start(Path work, Path store, int run) throws IOException {
        return CrashApp.start(sim, work, store, run);
    }

    private void waitFor(String what, CrashApp.Condition done) throws Exception {
        CrashApp.waitFor(app, what, LIMIT_MILLIS, done);
    }
}
