package org.camelevolink.component.crash;

import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.journal.JournalEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash test, twenty times over one persistent store: before each run a few new orders arrive, the application
 * ({@link CrashRouteMain}, a separate JVM) starts on the store the previous run left, and is killed with SIGKILL at a
 * point drawn from a seed (after its first few submits or deliveries, give or take some milliseconds). A last run goes to
 * the end. Every order then has its output, written once from one task; EvoLink was paid once per order; every paid
 * task reached the route. {@code -Dcrash.runs}, {@code -Dcrash.ordersPerRun} and {@code -Dcrash.seed} change the
 * run (defaults 20, 5, 11).
 */
class CrashLoopTest {

    private static final int RUNS = Integer.getInteger("crash.runs", 20);
    private static final int ORDERS_PER_RUN = Integer.getInteger("crash.ordersPerRun", 5);
    private static final long SEED = Long.getLong("crash.seed", 11L);

    /** A simulator of the test's own, handed to it as a parameter. */
    @RegisterExtension
    final SimulatorExtension simulator = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.005)
            .allowInsecureCallbacks(true).imageBaseSize(32));
    private CrashApp app;

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void twentyKillsAtRandomPointsLoseNothingAndPayNothingTwice(@TempDir Path work, EvolinkSimulator sim)
            throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(work.resolve("in"));
        app = new CrashApp(sim, work, "-XX:TieredStopAtLevel=1", "-Xshare:auto");
        Random random = new Random(SEED);
        int orders = 0;
        List<String> kills = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            orders = addOrders(work, orders, ORDERS_PER_RUN);
            KillPoint point = KillPoint.draw(random, ORDERS_PER_RUN);
            int submitsBefore = sim.journal(Endpoint.CREATE).size();
            int deliveriesBefore = app.emitted().size();
            app.start(run);
            app.waitFor("run " + run + " to reach " + point, () -> point.reached(
                    sim.journal(Endpoint.CREATE).size() - submitsBefore,
                    app.emitted().size() - deliveriesBefore));
            Thread.sleep(point.extraMillis());
            app.kill();
            kills.add(String.format("run %d killed %s: %d submits, %d deliveries in this run", run, point,
                    sim.journal(Endpoint.CREATE).size() - submitsBefore,
                    app.emitted().size() - deliveriesBefore));
        }
        int total = orders;
        app.start(RUNS + 1);
        app.waitFor("every order's output", () -> app.outputs().size() == total);
        Thread.sleep(500); // room for a wrong extra delivery to show
        app.kill();

        List<String> emitted = app.emitted();
        Map<String, Long> perTask = emitted.stream().collect(Collectors.groupingBy(l -> l.split(" ")[0],
                Collectors.counting()));
        long reEmissions = emitted.size() - perTask.size();
        Set<String> paidTasks = sim.journal(Endpoint.CREATE).stream().filter(JournalEntry::isCharged)
                .map(JournalEntry::taskId).collect(Collectors.toSet());
        Map<String, Long> chargesPerKey = sim.journal(Endpoint.CREATE).stream().filter(JournalEntry::isCharged)
                .collect(Collectors.groupingBy(JournalEntry::idempotencyKey, Collectors.counting()));
        Set<String> taskPerOrder = new HashSet<>();
        for (Path out : app.outputs()) {
            taskPerOrder.add(Files.readString(out));
        }
        kills.forEach(System.out::println);
        System.out.printf("crash loop: seed %d, %d kills, %d orders, %d paid submits, %d outputs, %d deliveries, "
                + "%d re-deliveries, %d s%n", SEED, RUNS, total, sim.journal().chargedSubmits(), app.outputs().size(),
                emitted.size(), reEmissions, (System.nanoTime() - started) / 1_000_000_000L);

        assertThat(sim.journal().chargedSubmits()).as("paid submits").isEqualTo(total);
        assertThat(chargesPerKey.values()).as("charges per idempotency key").allMatch(n -> n == 1);
        assertThat(perTask.keySet()).as("every paid task reached the route").isEqualTo(paidTasks);
        assertThat(app.outputs()).hasSize(total);
        assertThat(taskPerOrder).as("one task per order").hasSize(total);
        // a route interrupted after its work but before the store heard of it runs again: at most the exchanges in
        // flight at each kill (the component's worker threads)
        assertThat(reEmissions).as("re-deliveries after the kills").isLessThanOrEqualTo(4L * RUNS);
    }

    /**
     * Where a run is killed: once it has sent {@code count} submits or delivered {@code count} tasks, plus up to
     * 40 ms, so that kills fall before, between and inside submits, waits and deliveries.
     */
    private record KillPoint(boolean afterEmissions, int count, long extraMillis) {

        static KillPoint draw(Random random, int ordersPerRun) {
            return new KillPoint(random.nextBoolean(), 1 + random.nextInt(ordersPerRun), random.nextInt(40));
        }

        boolean reached(int submits, int deliveries) {
            return (afterEmissions ? deliveries : submits) >= count;
        }

        @Override
        public String toString() {
            return extraMillis + " ms after " + count + (afterEmissions ? " deliveries" : " submits");
        }
    }

    private static int addOrders(Path work, int from, int count) throws IOException {
        for (int i = from; i < from + count; i++) {
            Path tmp = work.resolve(String.format("order-%04d.tmp", i));
            Files.writeString(tmp, "poster number " + i);
            // moved in whole, so the file route never reads half an order
            Files.move(tmp, work.resolve("in").resolve(String.format("order-%04d.txt", i)));
        }
        return from + count;
    }
}
