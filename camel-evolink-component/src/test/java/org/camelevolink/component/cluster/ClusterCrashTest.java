package org.camelevolink.component.cluster;

import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.component.store.TestDatabase;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/**
 * Three application JVMs share one PostgreSQL and one simulator; orders are spread over them; one is SIGKILLed
 * mid-run and not restarted. The orders it had not acknowledged go to a surviving node (as a broker or a client
 * would send them again), and the tasks it held are taken over once its leases expire. Every order gets its outcome
 * on a surviving node, and the simulator is paid exactly once per order. {@code -Dcluster.orders=1000} runs the long
 * version (default 300).
 */
class ClusterCrashTest {

    private static final int ORDERS = Integer.getInteger("cluster.orders", 300);
    private static final long LEASE_TIME = 3_000;

    @RegisterExtension
    final SimulatorExtension simulator = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.02)
            .imageBaseSize(64));
    private final List<Process> nodes = new ArrayList<>();
    private Path work;

    /** The nodes' logs are kept in target/cluster-crash for a run to be read after it. */
    @AfterEach
    void killAllAndKeepTheLogs() throws IOException {
        nodes.forEach(Process::destroyForcibly);
        if (work == null) {
            return;
        }
        Path kept = Files.createDirectories(Path.of("target", "cluster-crash", String.valueOf(System.currentTimeMillis())));
        try (Stream<Path> files = Files.list(work)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                Files.copy(f, kept.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void aKilledNodesOrdersAllGetTheirOutcomeOnTheOthersAndArePaidOnce(@TempDir Path work, EvolinkSimulator sim)
            throws Exception {
        this.work = work;
        String prefix = TestDatabase.freshPrefix();
        for (int i = 0; i < ORDERS; i++) {
            Path in = Files.createDirectories(work.resolve("in-" + (1 + i % 3)));
            Files.writeString(in.resolve(String.format("order-%04d.txt", i)), "poster number " + i);
        }
        for (int n = 1; n <= 3; n++) {
            nodes.add(startNode(sim, work, prefix, String.valueOf(n)));
        }
        int ofNode1 = (ORDERS + 2) / 3;
        waitFor("node 1 to have taken a third of its orders", () -> done(work, "1") >= ofNode1 / 3
                && emitted(work).size() >= ORDERS / 20);
        nodes.get(0).destroyForcibly().waitFor();
        long submittedBeforeKill = sim.journal(Endpoint.CREATE).size();
        int acknowledgedByNode1 = done(work, "1");
        List<Path> resent = resendUnacknowledged(work);

        try {
            waitFor("every order's outcome", () -> outputs(work) == ORDERS);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("orders without an outcome, as the store holds them: " + missing(work, prefix), e);
        }
        Thread.sleep(1_000); // room for a wrong extra delivery to show
        List<String> emitted = emitted(work);
        Map<String, Long> perTask = emitted.stream().collect(Collectors.groupingBy(l -> l.split(" ")[1],
                Collectors.counting()));
        Map<String, Long> perNode = emitted.stream().collect(Collectors.groupingBy(l -> l.split(" ")[0],
                Collectors.counting()));
        long reads = sim.journal(Endpoint.TASK_GET).size() + sim.journal(Endpoint.TASK_BATCH).size();
        System.out.printf("cluster crash test: %d orders on 3 nodes; node 1 killed after %d submits in all (%d of its "
                + "orders acknowledged, %d sent again to node 2); %d paid submits, %d tasks delivered, %d deliveries "
                + "(%d re-deliveries), per node %s; %.2f read requests per task%n", ORDERS, submittedBeforeKill,
                acknowledgedByNode1, resent.size(), sim.journal().chargedSubmits(), perTask.size(), emitted.size(),
                emitted.size() - perTask.size(), perNode, (double) reads / ORDERS);

        assertThat(sim.journal().chargedSubmits()).as("paid submits").isEqualTo(ORDERS);
        Set<String> paid = sim.journal(Endpoint.CREATE).stream().filter(e -> e.isCharged()).map(e -> e.taskId())
                .collect(Collectors.toSet());
        assertThat(perTask.keySet()).as("every paid task reached a route").isEqualTo(paid);
        assertThat(outputs(work)).isEqualTo(ORDERS);
        assertThat(perNode.keySet()).as("nodes 2 and 3 delivered").contains("2", "3");
    }

    /** The records of the orders that have no output, with their leases, for a failure to be understood. */
    private static List<String> missing(Path work, String prefix) throws IOException, SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT state, task_id, lease_owner, lease_until, updated_at FROM " + prefix + "tasks "
                        + "WHERE idempotency_key = ?")) {
            for (int i = 0; i < ORDERS; i++) {
                String order = String.format("order-%04d", i);
                if (Files.exists(work.resolve("out").resolve(order + ".txt"))) {
                    continue;
                }
                s.setString(1, order + ".txt");
                try (ResultSet rs = s.executeQuery()) {
                    rows.add(order + (rs.next() ? " " + rs.getString(1) + " " + rs.getString(2) + " lease "
                            + rs.getString(3) + " until " + rs.getLong(4) + " updated " + rs.getLong(5)
                            : " no record") + " (now " + System.currentTimeMillis() + ")");
                }
            }
        }
        return rows;
    }

    private static Process startNode(EvolinkSimulator sim, Path work, String prefix, String name) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), ClusterNodeMain.class.getName(), sim.baseUrl(),
                SimulatorConfig.DEFAULT_API_KEY, TestDatabase.jdbcUrl(), prefix, work.toString(), name,
                Long.toString(LEASE_TIME));
        File log = work.resolve("node-" + name + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** The killed node's orders that it had not finished with (still in its folder) go to node 2. */
    private static List<Path> resendUnacknowledged(Path work) throws IOException {
        List<Path> moved = new ArrayList<>();
        try (Stream<Path> files = Files.list(work.resolve("in-1"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".txt")).toList()) {
                moved.add(Files.move(f, work.resolve("in-2").resolve(f.getFileName())));
            }
        }
        return moved;
    }

    private void waitFor(String what, Condition done) {
        waitingFor(what).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (done.holds()) {
                return true;
            }
            for (int n = 1; n < nodes.size(); n++) {
                if (!nodes.get(n).isAlive()) {
                    throw new AssertionError("node " + (n + 1) + " died while waiting for " + what);
                }
            }
            return false;
        });
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws IOException;
    }

    private static int done(Path work, String node) throws IOException {
        return count(work.resolve("in-" + node).resolve(".done"));
    }

    private static int outputs(Path work) throws IOException {
        return count(work.resolve("out"));
    }

    private static int count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(p -> p.toString().endsWith(".txt")).count();
        }
    }

    private static List<String> emitted(Path work) throws IOException {
        Path file = work.resolve("emitted.log");
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }
}
