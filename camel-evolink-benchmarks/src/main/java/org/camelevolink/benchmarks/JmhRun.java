package org.camelevolink.benchmarks;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;
import java.util.List;

/** Runs the JMH micro-benchmarks in forked JVMs and returns their averages. */
final class JmhRun {

    /** Forks enough for error bars narrower than the one difference the page claims (typed read vs JsonPath). */
    static final int FORKS = 3;

    private JmhRun() {
    }

    static List<JmhFigure> run() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(HotPathBenchmarks.class.getName())
                .forks(FORKS)
                .warmupIterations(5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(10).measurementTime(TimeValue.seconds(1))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        return results.stream().map(r -> new JmhFigure(
                        r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1),
                        r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()))
                .sorted((x, y) -> x.name().compareTo(y.name())).toList();
    }
}
