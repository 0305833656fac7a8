package org.camelevolink.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scenarios and the JMH benchmarks, then writes {@code docs/benchmarks.md} and {@code docs/img/bench-*.png}.
 * System properties: {@code bench.docs} (the docs directory; the repository is its parent), {@code bench.tasks}
 * (e.g. {@code 100,1000,10000}), {@code bench.jmh} (false to skip JMH), {@code bench.scenarios} ({@code all}, or
 * ids and prefixes such as {@code b,d3,e1}), and those {@link BenchSettings#fromSystemProperties} reads.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path docs = Path.of(System.getProperty("bench.docs", "docs")).toAbsolutePath().normalize();
        List<Integer> tasks = Arrays.stream(System.getProperty("bench.tasks", "100,1000,10000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        String scenarios = System.getProperty("bench.scenarios", "all");
        BenchSettings settings = BenchSettings.fromSystemProperties();
        String commit = commit(docs.getParent());
        System.out.println(settings.describe() + " tasks=" + tasks + " scenarios=" + scenarios + " heap="
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB commit=" + commit);
        List<ScenarioResult> results = Benchmarks.run(settings, tasks, scenarios);
        // scenario s, after the others: its own simulators, selected like them (bench.rateLimitTasks: its 10,000)
        SubmitResults submit = Benchmarks.selected("s", scenarios) ? new SubmitThroughput(settings).run(
                SubmitThroughput.submitsFor(Collections.max(tasks)), Integer.getInteger("bench.rateLimitTasks", 10_000))
                : null;
        List<JmhFigure> jmh = Boolean.parseBoolean(System.getProperty("bench.jmh", "true")) ? JmhRun.run()
                : List.of();
        write(docs, settings, results, jmh, commit, submit);
        System.out.println("wrote " + docs.resolve("benchmarks.md") + " and its plots in " + docs.resolve("img"));
        System.exit(0); // the JMH runner and Vert.x leave non-daemon threads behind
    }

    static void write(Path docs, BenchSettings settings, List<ScenarioResult> results, List<JmhFigure> jmh,
            String commit) throws Exception {
        write(docs, settings, results, jmh, commit, null);
    }

    static void write(Path docs, BenchSettings settings, List<ScenarioResult> results, List<JmhFigure> jmh,
            String commit, SubmitResults submit) throws Exception {
        Charts.write(results, docs.resolve("img"));
        Path cluster = docs.getParent() == null ? null : docs.getParent().resolve(MarkdownReport.CLUSTER_FILE);
        Files.writeString(docs.resolve("benchmarks.md"),
                new MarkdownReport(settings, results, jmh, commit, cluster).withSubmit(submit).render(), StandardCharsets.UTF_8);
    }

    /** The commit the working tree is at, with {@code -dirty} when it has changes: what the figures measured. */
    static String commit(Path repository) {
        try {
            String head = git(repository, "rev-parse", "HEAD");
            return head.isEmpty() ? "unknown" : head + (git(repository, "status", "--porcelain").isEmpty() ? ""
                    : "-dirty");
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = dir.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
    }
}
