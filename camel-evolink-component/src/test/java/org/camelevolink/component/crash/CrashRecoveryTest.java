package org.camelevolink.component.crash;

import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the application with SIGKILL while it is submitting and delivering 200 tasks, starts it again on the same
 * persistent task store, and checks that every task reaches the consumer's route, that the route's output exists
 * once per task, and that the simulator was paid exactly 200 times.
 */
class CrashRecoveryTest {

    private static final int TASKS = 200;

    /** A simulator of the test's own, handed to it as a parameter. */
    @RegisterExtension
    final SimulatorExtension simulator = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.02)
            .allowInsecureCallbacks(true).imageBaseSize(64));
    private CrashApp app;

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void nothingIsLostAndNothingIsPaidTwiceAcrossAKill(@TempDir Path work, EvolinkSimulator sim) throws Exception {
        Files.createDirectories(work.resolve("in"));
        for (int i = 0; i < TASKS; i++) {
            Files.writeString(work.resolve("in").resolve(String.format("order-%03d.txt", i)), "poster number " + i);
        }
        app = new CrashApp(sim, work);

        app.start(1);
        // killed while orders are still being submitted and finished tasks are being delivered
        app.waitFor("the first deliveries", () -> app.emitted().size() >= 20);
        app.kill();
        long submittedBeforeKill = sim.journal(Endpoint.CREATE).size();
        long emittedBeforeKill = app.emitted().size();

        app.start(2);
        app.waitFor("every task's output", () -> app.outputs().size() == TASKS);
        Thread.sleep(500); // room for a wrong extra delivery to show
        app.kill();

        List<String> emitted = app.emitted();
        Map<String, Long> perTask = emitted.stream().collect(Collectors.groupingBy(l -> l.split(" ")[0],
                Collectors.counting()));
        long duplicates = emitted.size() - perTask.size();
        System.out.printf("crash test: killed after %d submits and %d deliveries; %d tasks, %d deliveries, "
                + "%d duplicates, %d paid submits%n", submittedBeforeKill, emittedBeforeKill, perTask.size(),
                emitted.size(), duplicates, sim.journal().chargedSubmits());

        assertThat(sim.journal().chargedSubmits()).as("paid submits").isEqualTo(TASKS);
        Set<String> taskIds = sim.journal(Endpoint.CREATE).stream().filter(e -> e.isCharged())
                .map(e -> e.taskId()).collect(Collectors.toSet());
        assertThat(perTask.keySet()).as("every paid task reached the route").isEqualTo(taskIds);
        assertThat(app.outputs()).hasSize(TASKS);
        Map<String, String> taskByOrder = new HashMap<>();
        for (Path out : app.outputs()) {
            taskByOrder.put(out.getFileName().toString(), Files.readString(out));
        }
        assertThat(Set.copyOf(taskByOrder.values())).as("one task per order").hasSize(TASKS);
        // a route interrupted by the kill after its work but before the store heard of it runs again: at most the
        // exchanges in flight at that instant (the component's worker threads)
        assertThat(duplicates).as("re-deliveries after the kill").isLessThanOrEqualTo(4);
    }
}
