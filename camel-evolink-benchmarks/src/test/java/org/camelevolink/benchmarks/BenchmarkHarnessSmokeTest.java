package org.camelevolink.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness itself, on a few tasks at a fast time scale: every scenario runs and every figure is plausible. */
class BenchmarkHarnessSmokeTest {

    private static final int TASKS = 20;

    @Test
    void everyScenarioRunsAndTheReportIsWritten(@TempDir Path docs) throws Exception {
        BenchSettings settings = BenchSettings.scaled(0.01);
        List<ScenarioResult> results = Benchmarks.run(settings, List.of(TASKS));

        assertThat(results).extracting(ScenarioResult::id).containsExactly("a", "b", "c", "d", "e");
        for (ScenarioResult r : results) {
            assertThat(r.failures()).as(r.id() + " failures").isZero();
            assertThat(r.duplicates()).as(r.id() + " duplicates").isZero();
            assertThat(r.posts()).as(r.id() + " paid submits").isEqualTo(TASKS);
            assertThat(r.latencyMedianMillis()).as(r.id() + " latency").isBetween(0.0, 10_000.0);
            assertThat(r.wallMillis()).as(r.id() + " wall").isGreaterThanOrEqualTo(r.longestTaskMillis());
            assertThat(r.cpuNanos()).as(r.id() + " cpu").isPositive();
        }
        ScenarioResult floor = results.get(4);
        assertThat(floor.gets()).as("the floor reads each task once, at its end").isBetween((long) TASKS,
                TASKS + 5L);
        ScenarioResult handWritten = results.get(3);
        assertThat(handWritten.gets()).as("the hand-written route polls every task at least once")
                .isGreaterThanOrEqualTo(TASKS);
        assertThat(results.get(2).batches() + results.get(2).gets()).as("c reads each task after its callback")
                .isPositive();

        BenchmarkMain.write(docs, settings, results, List.of(new JmhFigure("readTask", 1.5, 0.1)));
        String md = Files.readString(docs.resolve("benchmarks.md"));
        assertThat(md).contains("## N = 20", "| a) `evolink:` producer", "## Design goals at N = 20", "readTask");
        for (Charts.Plot plot : Charts.PLOTS) {
            assertThat(docs.resolve("img").resolve(plot.file())).isNotEmptyFile();
        }
    }
}
