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

    /**
     * Scenario s at a tiny size: every submit paid once and answered, whatever the submitter; under the rate limit
     * 429s happen, every exchange ends with a task id or a typed error, and each task id was paid exactly once.
     */
    @Test
    void submitThroughputAndTheRateLimitAreMeasured(@TempDir Path repo) throws Exception {
        int submits = 40;
        int limitedTasks = 60;
        SubmitResults s = new SubmitThroughput(BenchSettings.scaled(0.01).withRepetitions(1)).run(submits,
                limitedTasks);

        assertThat(s.throughput()).hasSize(3 * SubmitThroughput.CALLERS.length);
        for (SubmitResults.Throughput t : s.throughput()) {
            String cell = t.submitter() + " from " + t.callers();
            assertThat(t.errors()).as(cell + " errors").isZero();
            assertThat(t.posts()).as(cell + " one POST per submit").isEqualTo(submits);
            assertThat(t.tasks()).as(cell + " one task per submit").isEqualTo(submits);
            assertThat(t.perSecond()).as(cell + " rate").isPositive();
            assertThat(t.p50Millis()).as(cell).isLessThanOrEqualTo(t.p95Millis());
            assertThat(t.p95Millis()).as(cell).isLessThanOrEqualTo(t.p99Millis());
        }
        assertThat(s.rateLimited()).extracting(SubmitResults.RateLimited::maxSubmitRetries)
                .containsExactly(SubmitThroughput.DEFAULT_RETRIES, SubmitThroughput.RAISED_RETRIES);
        for (SubmitResults.RateLimited r : s.rateLimited()) {
            String run = "maxSubmitRetries=" + r.maxSubmitRetries();
            assertThat(r.rateLimited()).as(run + " 429s under the limit").isPositive();
            assertThat(r.retries()).as(run + " every 429 is retried or ends its exchange")
                    .isBetween(r.rateLimited() - r.errorCount(), r.rateLimited());
            assertThat(r.charged()).as(run + " one paid submit per task id").isEqualTo(r.ids());
            assertThat(r.lost()).as(run + " no exchange lost").isZero();
            assertThat(r.errors().keySet()).as(run + " only the typed 429")
                    .allMatch(k -> k.equals("EvolinkApiException 429 rate_limit_exceeded"));
            assertThat(r.reads()).as(run + " no read shares the bucket").isZero();
        }
        assertThat(s.rateLimited().get(1).ids()).as("raised retries: every task submitted").isEqualTo(limitedTasks);

        Path docs = Files.createDirectories(repo.resolve("docs"));
        BenchmarkMain.write(docs, BenchSettings.scaled(0.01).withRepetitions(1), Benchmarks.run(
                BenchSettings.scaled(0.01).withRepetitions(1), List.of(TASKS), "e1"), List.of(), "0123abc", s);
        assertThat(Files.readString(docs.resolve("benchmarks.md"))).contains("## Submit throughput and the rate limit",
                "| " + BareHttpSubmitter.ID + " | 32 |", "### Under the rate limit", "each task id was paid exactly once");
    }
}
