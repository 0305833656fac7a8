package org.camelevolink.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick mode: every scenario once on a few tasks at a fast time scale, every figure plausible, the page and its
 * plots written; with and without the cluster measurement's file.
 */
class BenchmarkHarnessSmokeTest {

    private static final int TASKS = 20;

    @Test
    void everyScenarioRunsAndThePageIsWritten(@TempDir Path repo) throws Exception {
        BenchSettings settings = BenchSettings.scaled(0.01).withRepetitions(1);
        List<ScenarioResult> results = Benchmarks.run(settings, List.of(TASKS));
        Map<String, ScenarioResult> byId = results.stream()
                .collect(Collectors.toMap(ScenarioResult::id, Function.identity()));

        assertThat(byId).containsOnlyKeys("a", "a-mem", "a-single", "b", "b-mem", "b-single", "c", "c-mem", "d1",
                "d1-sat", "d2", "d3", "d4", "e1", "e2");
        for (ScenarioResult r : results) {
            assertThat(r.failures()).as(r.id() + " failures").isZero();
            assertThat(r.duplicates()).as(r.id() + " duplicates").isZero();
            assertThat(r.posts()).as(r.id() + " paid submits").isEqualTo(TASKS);
            assertThat(r.latencyMedianMillis()).as(r.id() + " latency").isBetween(0.0, 10_000.0);
            assertThat(r.wallMillis()).as(r.id() + " wall").isGreaterThanOrEqualTo(r.longestTaskMillis());
            assertThat(r.cpuNanos()).as(r.id() + " cpu").isPositive();
            assertThat(r.cpuNanosByGroup().values().stream().mapToLong(Long::longValue).sum())
                    .as(r.id() + " cpu by group adds up").isEqualTo(r.cpuNanos());
        }
        assertThat(results.stream().mapToLong(ScenarioResult::simulatorCpuNanos).sum())
                .as("the simulator's CPU, measured on its own process").isPositive();
        for (String single : List.of("a-single", "b-single")) {
            assertThat(byId.get(single).batches()).as(single + " has no batch endpoint").isZero();
            assertThat(byId.get(single).gets()).as(single + " reads one task per GET").isGreaterThanOrEqualTo(TASKS);
        }
        assertThat(byId.get("e1").batches()).as("the polling floor: one batch read per 50 tasks")
                .isBetween(1L, 3L);
        assertThat(byId.get("e1").gets()).isZero();
        assertThat(byId.get("e2").gets() + byId.get("e2").batches()).as("the callback floor reads nothing").isZero();
        assertThat(byId.get("d3").batches()).as("the batch poller reads in batches").isPositive();
        assertThat(byId.get("d3").gets()).isZero();
        assertThat(byId.get("d4").gets()).as("d4 verifies every callback").isGreaterThanOrEqualTo(TASKS);
        assertThat(byId.get("d1").readsAsked()).isGreaterThanOrEqualTo(TASKS);

        Path docs = Files.createDirectories(repo.resolve("docs"));
        BenchmarkMain.write(docs, settings, results, List.of(new JmhFigure("readTask", 1.5, 0.1),
                new JmhFigure("jsonPathStatusReference", 3.0, 0.1)), "0123abc");
        String md = Files.readString(docs.resolve("benchmarks.md"));
        assertThat(md).contains("## N = 20", "commit `0123abc`", "## Design goals", "vs d", "readTask",
                "0.50× the time", "Missing: no `" + MarkdownReport.CLUSTER_FILE + "`");
        for (Charts.Plot plot : Charts.PLOTS) {
            assertThat(docs.resolve("img").resolve(plot.file())).isNotEmptyFile();
        }

        Path cluster = repo.resolve(MarkdownReport.CLUSTER_FILE);
        Files.createDirectories(cluster.getParent());
        Files.writeString(cluster, """
                {"commit":"feed123","date":"2026-12-07","nodes":3,"store":"postgresql","requestsPerTask":1.04,
                 "detectionLatencyMs":{"p50":120,"p95":480},
                 "perNode":[{"node":"n1","peakThreads":9,"tasksDelivered":3334}]}
                """);
        BenchmarkMain.write(docs, settings, results, List.of(), "0123abc");
        assertThat(Files.readString(docs.resolve("benchmarks.md"))).contains("measured at commit `feed123`",
                "| requestsPerTask | 1.04 |", "p95 480", "| n1 | 9 | 3334 |").doesNotContain("Missing: no");
    }
}
