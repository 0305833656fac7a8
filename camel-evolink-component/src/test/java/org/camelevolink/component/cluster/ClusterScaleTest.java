package org.camelevolink.component.cluster;

import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.component.store.TestDatabase;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.task.SimTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/**
 * A measurement, not a check of speed: {@code -Dcluster.scale.tasks=N} puts N tasks in flight across three node JVMs
 * on one PostgreSQL store (each node submits its third itself, 64 at a time) and prints what the shared store and
 * the cluster cost per task: rows and bytes of the table at the peak, database transactions per task, requests per
 * task to EvoLink, detection latency (delivery minus the task's true end), threads and heap per node. Only the
 * correctness of the run is asserted. {@code -Dcluster.scale.timeScale} (default 1) sets how long tasks run.
 */
@EnabledIfSystemProperty(named = "cluster.scale.tasks", matches = "\\d+")
class ClusterScaleTest {

    private static final int TASKS = Integer.getInteger("cluster.scale.tasks", 0);
    private static final double TIME_SCALE = Double.parseDouble(System.getProperty("cluster.scale.timeScale", "1"));

    @RegisterExtension
    final SimulatorExtension simulator = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(TIME_SCALE)
            .imageBaseSize(64));
    private final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void killAll() {
        nodes.forEach(Process::destroyForcibly);
    }

    @Test
    void tasksInFlightAcrossThreeNodes(@TempDir Path work, EvolinkSimulator sim) throws Exception {
        String prefix = TestDatabase.freshPrefix();
        long transactionsBefore = transactions();
        long started = System.currentTimeMillis();
        for (int n = 1; n <= 3; n++) {
            nodes.add(startNode(sim, work, prefix, String.valueOf(n), TASKS / 3 + (n <= TASKS % 3 ? 1 : 0)));
        }
        waitingFor("every node to have submitted its orders").atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> submittedNodes(work) == 3);
        long submitSeconds = (System.currentTimeMillis() - started) / 1000;
        long inFlight = sim.tasksInFlight();
        long rows = scalar("SELECT count(*) FROM " + prefix + "tasks");
        long bytes = scalar("SELECT pg_total_relation_size('" + prefix + "tasks')");
        Thread.sleep(3_000); // the nodes' stats at the peak
        List<long[]> peak = stats(work);

        waitingFor("every task delivered").atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> emitted(work).size() >= TASKS);
        Thread.sleep(1_500); // the database's statistics lag by up to half a second
        long transactions = transactions() - transactionsBefore;
        List<String> emitted = emitted(work);
        long[] latencies = emitted.stream().mapToLong(line -> {
            String[] f = line.split(" ");
            SimTask task = sim.task(f[1]);
            return Long.parseLong(f[3]) - (task.createdMillis() + task.durationMillis());
        }).sorted().toArray();
        long creates = sim.journal(Endpoint.CREATE).size();
        long reads = sim.journal(Endpoint.TASK_GET).size() + sim.journal(Endpoint.TASK_BATCH).size();
        System.out.printf("cluster scale: %d tasks on 3 nodes (time scale %s), all submitted after %d s with %d in "
                + "flight; table at the peak: %d rows, %d bytes per task (indexes included); %.1f database "
                + "transactions per task; %.3f submits and %.2f read requests per task; detection latency p50 %d ms, "
                + "p95 %d ms, max %d ms; per node at the peak [threads, heap after GC MiB]: %s; deliveries %d%n",
                TASKS, TIME_SCALE, submitSeconds, inFlight, rows, rows == 0 ? 0 : bytes / rows,
                (double) transactions / TASKS, (double) creates / TASKS, (double) reads / TASKS,
                percentile(latencies, 50), percentile(latencies, 95), latencies[latencies.length - 1],
                peak.stream().map(s -> "[" + s[2] + ", " + s[3] / (1 << 20) + "]").collect(Collectors.joining(" ")),
                emitted.size());

        assertThat(sim.journal().chargedSubmits()).isEqualTo(TASKS);
        assertThat(emitted.stream().map(l -> l.split(" ")[1]).distinct().count()).isEqualTo(TASKS);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    private static Process startNode(EvolinkSimulator sim, Path work, String prefix, String name, int orders)
            throws IOException {
        Files.createDirectories(work.resolve("in-" + name));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), ClusterNodeMain.class.getName(), sim.baseUrl(),
                SimulatorConfig.DEFAULT_API_KEY, TestDatabase.jdbcUrl(), prefix, work.toString(), name, "30000",
                Integer.toString(orders));
        File log = work.resolve("node-" + name + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static int submittedNodes(Path work) throws IOException {
        int done = 0;
        for (int n = 1; n <= 3; n++) {
            Path log = work.resolve("node-" + n + ".log");
            if (Files.exists(log) && Files.readString(log).contains("SUBMITTED")) {
                done++;
            }
        }
        return done;
    }

    private static List<long[]> stats(Path work) throws IOException {
        List<long[]> all = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            Path file = work.resolve("node-" + n + ".stats");
            all.add(Files.exists(file) ? Arrays.stream(Files.readString(file).trim().split(" "))
                    .mapToLong(Long::parseLong).toArray() : new long[4]);
        }
        return all;
    }

    private static List<String> emitted(Path work) throws IOException {
        Path file = work.resolve("emitted.log");
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }

    private static long transactions() throws SQLException {
        return scalar("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
    }

    private static long scalar(String query) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
