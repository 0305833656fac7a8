package org.camelevolink.benchmarks;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;
import java.util.List;

/** Runs the JMH micro-benchmarks in a forked JVM and returns their averages. */
final class JmhRun {

    private JmhRun() {
    }

    static List<JmhFigure> run() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(HotPathBenchmarks.class.getName())
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        return results.stream().map(r -> new JmhFigure(
                        r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1),
                        r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()))
                .sorted((x, y) -> x.name().compareTo(y.name())).toList();
    }
}
