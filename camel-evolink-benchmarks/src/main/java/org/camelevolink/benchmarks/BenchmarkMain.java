package org.camelevolink.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the scenarios and the JMH benchmarks, then writes {@code docs/benchmarks.md} and {@code docs/img/bench-*.png}.
 * System properties: {@code bench.docs} (the docs directory), {@code bench.tasks} (e.g. {@code 100,1000,10000}),
 * {@code bench.jmh} (false to skip JMH), {@code bench.scenarios} (e.g. {@code ce}), {@code bench.timeScale}.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path docs = Path.of(System.getProperty("bench.docs", "docs")).toAbsolutePath().normalize();
        List<Integer> tasks = Arrays.stream(System.getProperty("bench.tasks", "100,1000,10000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        BenchSettings settings = BenchSettings.fromSystemProperties();
        System.out.println(settings.describe() + " tasks=" + tasks + " scenarios="
                + System.getProperty("bench.scenarios", "abcde") + " heap=" + Runtime.getRuntime().maxMemory()
                / (1 << 20) + " MiB");
        List<ScenarioResult> results = Benchmarks.run(settings, tasks, System.getProperty("bench.scenarios",
                "abcde"));
        List<JmhFigure> jmh = Boolean.parseBoolean(System.getProperty("bench.jmh", "true")) ? JmhRun.run()
                : List.of();
        write(docs, settings, results, jmh);
        System.out.println("wrote " + docs.resolve("benchmarks.md") + " and its plots in " + docs.resolve("img"));
        System.exit(0); // the JMH runner and Vert.x leave non-daemon threads behind
    }

    static void write(Path docs, BenchSettings settings, List<ScenarioResult> results, List<JmhFigure> jmh)
            throws Exception {
        Charts.write(results, docs.resolve("img"));
        Files.writeString(docs.resolve("benchmarks.md"), new MarkdownReport(settings, results, jmh).render(),
                StandardCharsets.UTF_8);
    }
}
