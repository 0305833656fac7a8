package org.camelevolink.component.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.component.store.TestDatabase;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.task.SimTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/**
 * A measurement, not a check of speed: {@code -Dcluster.scale.tasks=N} puts N tasks in flight across three node JVMs
 * on one PostgreSQL store (each node submits its third itself, 64 at a time, and polls at the component's defaults).
 * No task ends until all N are submitted and the last has run its {@code estimated_time}; then they end at random
 * moments over {@code -Dcluster.scale.endWindow} seconds (default 60). It prints, and with {@code -Dcluster.scale.output=<file>} writes as JSON (the benchmarks
 * page renders that file), what the shared store and the cluster cost per task: rows and bytes of the table with all
 * N in flight, statements and transactions per task, requests per task to EvoLink, detection latency (delivery minus
 * the task's true end), threads and heap per node. Only the correctness of the run is asserted: N submit requests,
 * N tasks at EvoLink, every one delivered.
 */
@EnabledIfSystemProperty(named = "cluster.scale.tasks", matches = "\\d+")
class ClusterScaleTest {

    private static final int TASKS = Integer.getInteger("cluster.scale.tasks", 0);
    private static final int END_WINDOW_SECONDS = Integer.getInteger("cluster.scale.endWindow", 60);
    private static final String OUTPUT = System.getProperty("cluster.scale.output");

    @RegisterExtension
    final SimulatorExtension simulator = SimulatorExtension.withConfig(SimulatorConfig.builder().imageBaseSize(64)
            .defaultCredits(1e9));
    private final List<Process> nodes = new ArrayList<>();
    private long lastProgress;

    @AfterEach
    void killAll() {
        nodes.forEach(Process::destroyForcibly);
    }

    @Test
    void tasksInFlightAcrossThreeNodes(EvolinkSimulator sim) throws Exception {
        // kept in target/ for the nodes' logs to be read after the run
        Path work = Files.createDirectories(Path.of("target", "cluster-scale", String.valueOf(System.currentTimeMillis())));
        sim.faults().random(null, Fault.of(FaultKind.NEVER_FINISH), 1.0);
        String prefix = TestDatabase.freshPrefix();
        long transactionsBefore = transactions();
        long started = System.currentTimeMillis();
        for (int n = 1; n <= 3; n++) {
            nodes.add(startNode(sim, work, prefix, String.valueOf(n), TASKS / 3 + (n <= TASKS % 3 ? 1 : 0)));
        }
        waitingFor("every node to have submitted its orders").atMost(Duration.ofMinutes(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> progress(sim, work) && submittedNodes(work) == 3);
        long submitSeconds = (System.currentTimeMillis() - started) / 1000;
        assertThat(failedSubmits(work)).as("submits the nodes saw fail").isZero();
        long inFlight = sim.tasksInFlight();
        long rows = scalar("SELECT count(*) FROM " + prefix + "tasks");
        long bytes = scalar("SELECT pg_total_relation_size('" + prefix + "tasks')");
        Thread.sleep(3_000); // the nodes' stats with every task in flight
        List<long[]> peak = stats(work);
        double loadAtPeak = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        endAllOver(sim, Duration.ofSeconds(END_WINDOW_SECONDS));
        waitingFor("every task delivered").atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> progress(sim, work) && emitted(work).size() >= TASKS);
        Thread.sleep(1_500); // the database's statistics lag by up to half a second; the stats files by a second
        long transactions = transactions() - transactionsBefore;
        List<long[]> end = stats(work);
        long statements = end.stream().mapToLong(s -> s[4]).sum();
        List<String> emitted = emitted(work);
        long[] latencies = emitted.stream().mapToLong(line -> {
            String[] f = line.split(" ");
            return Long.parseLong(f[3]) - sim.task(f[1]).terminal().atMillis();
        }).sorted().toArray();
        long creates = sim.journal().count(Endpoint.CREATE);
        long gets = sim.journal().count(Endpoint.TASK_GET);
        long batches = sim.journal().count(Endpoint.TASK_BATCH);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("commit", commit());
        result.put("date", LocalDate.now().toString());
        result.put("nodes", 3);
        result.put("tasks", TASKS);
        result.put("store", "postgresql");
        result.put("database", "PostgreSQL " + scalarText("SHOW server_version") + " (embedded, same machine)");
        result.put("inFlightAtPeak", inFlight);
        result.put("submitSeconds", submitSeconds);
        result.put("endWindowSeconds", END_WINDOW_SECONDS);
        result.put("pollInterval", "1 s to 30 s (the defaults); leaseTime 30 s");
        result.put("rowsPerTask", (double) rows / TASKS);
        result.put("bytesPerTask", rows == 0 ? 0 : bytes / rows);
        result.put("statementsPerTask", (double) statements / TASKS);
        result.put("transactionsPerTask", (double) transactions / TASKS);
        result.put("requestsPerTask", (double) (creates + gets + batches) / TASKS);
        result.put("submitsPerTask", (double) creates / TASKS);
        result.put("singleReadsPerTask", (double) gets / TASKS);
        result.put("batchReadsPerTask", (double) batches / TASKS);
        result.put("detectionLatencyMs", Map.of("p50", percentile(latencies, 50), "p95", percentile(latencies, 95),
                "max", latencies[latencies.length - 1]));
        List<Map<String, Object>> perNode = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            String name = String.valueOf(n);
            perNode.add(Map.of("node", name, "peakThreads", peak.get(n - 1)[2],
                    "heapMiB", peak.get(n - 1)[3] / (1 << 20),
                    "tasksDelivered", emitted.stream().filter(l -> l.startsWith(name + " ")).count()));
        }
        result.put("perNode", perNode);
        result.put("deliveries", emitted.size());
        // the machine's load tells whether a latency is the component's or a machine busy with other work
        result.put("loadAverageAtPeak", loadAtPeak);
        result.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        result.put("cores", Runtime.getRuntime().availableProcessors());
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
        System.out.println("cluster scale: " + json);
        if (OUTPUT != null) {
            Files.writeString(Path.of(OUTPUT), json + "\n");
        }

        assertThat(creates).as("submit requests").isEqualTo(TASKS);
        assertThat(sim.tasks().size()).as("tasks at EvoLink").isEqualTo(TASKS);
        assertThat(emitted.stream().map(l -> l.split(" ")[1]).distinct().count()).isEqualTo(TASKS);
    }

    /**
     * Ends every task at a random moment within {@code window}, starting once the last task submitted has run its
     * {@code estimated_time}: no task ends before the component's first read of it, as none would at EvoLink.
     */
    private static void endAllOver(EvolinkSimulator sim, Duration window) throws InterruptedException {
        long estimatesPassed = sim.tasks().all().stream()
                .mapToLong(t -> t.createdMillis() + (long) (t.estimatedSeconds() * 1000)).max().orElse(0);
        Thread.sleep(Math.max(0, estimatesPassed - System.currentTimeMillis()));
        Random random = new Random(1);
        ScheduledExecutorService ender = Executors.newSingleThreadScheduledExecutor();
        for (SimTask task : sim.tasks().all()) {
            long offset = (long) (random.nextDouble() * window.toMillis());
            ender.schedule(() -> sim.completeTask(task.id()), offset, TimeUnit.MILLISECONDS);
        }
        ender.shutdown();
        ender.awaitTermination(window.toMillis() + 60_000, TimeUnit.MILLISECONDS);
    }

    private static String commit() throws IOException, InterruptedException {
        String head = git("rev-parse", "HEAD");
        return git("status", "--porcelain").isEmpty() ? head : head + " (with uncommitted changes)";
    }

    private static String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        return git.waitFor() == 0 ? out : "unknown";
    }

    /** Says every ten seconds how far the run is (a long run is otherwise silent until its end); always true. */
    private boolean progress(EvolinkSimulator sim, Path work) throws IOException {
        long now = System.currentTimeMillis();
        if (now - lastProgress >= 10_000) {
            lastProgress = now;
            System.out.printf("cluster scale: %d tasks at EvoLink, %d in flight, %d nodes done submitting, %d "
                    + "delivered%n", sim.tasks().size(), sim.tasksInFlight(), submittedNodes(work), emitted(work).size());
        }
        return true;
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

    private static long failedSubmits(Path work) throws IOException {
        long failed = 0;
        for (int n = 1; n <= 3; n++) {
            failed += Files.readAllLines(work.resolve("node-" + n + ".log")).stream()
                    .filter(l -> l.startsWith("SUBMITTED")).mapToLong(l -> Long.parseLong(l.split(" ")[3])).sum();
        }
        return failed;
    }

    private static List<long[]> stats(Path work) throws IOException {
        List<long[]> all = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            Path file = work.resolve("node-" + n + ".stats");
            all.add(Files.exists(file) ? Arrays.stream(Files.readString(file).trim().split(" "))
                    .mapToLong(Long::parseLong).toArray() : new long[5]);
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

    private static String scalarText(String query) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long scalar(String query) throws SQLException {
        return Long.parseLong(scalarText(query));
    }
}
