package org.camelevolink.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The runs of one scenario at one N: what the report gives as median and min–max. */
record Cell(String id, String title, Scenario.Role role, int tasks, List<ScenarioResult> runs) {

    /** A figure's median and range over the runs of a cell (NaN values left out). */
    record Spread(double median, double min, double max) {

        String format(String pattern) {
            if (Double.isNaN(median)) {
                return "–";
            }
            String m = String.format(Locale.ROOT, pattern, median);
            return min == max ? m : m + " (" + String.format(Locale.ROOT, pattern, min) + "–"
                    + String.format(Locale.ROOT, pattern, max) + ")";
        }
    }

    static List<Cell> of(List<ScenarioResult> results) {
        return results.stream().map(r -> r.id() + "@" + r.tasks()).distinct().map(key -> {
            List<ScenarioResult> runs = results.stream().filter(r -> (r.id() + "@" + r.tasks()).equals(key)).toList();
            ScenarioResult first = runs.get(0);
            return new Cell(first.id(), first.title(), first.role(), first.tasks(), runs);
        }).toList();
    }

    Spread spread(ToDoubleFunction<ScenarioResult> figure) {
        double[] v = runs.stream().mapToDouble(figure).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN);
        }
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return new Spread(median, v[0], v[v.length - 1]);
    }

    double median(ToDoubleFunction<ScenarioResult> figure) {
        return spread(figure).median();
    }

    boolean anySaturated() {
        return runs.stream().anyMatch(ScenarioResult::saturated);
    }

    int invalidRuns() {
        return (int) runs.stream().filter(r -> !r.valid()).count();
    }

    /** The run whose scenario CPU is the median's: the one the per-group breakdown shows. */
    ScenarioResult medianRun() {
        List<ScenarioResult> sorted = runs.stream().sorted((x, y) -> Long.compare(x.cpuNanos(), y.cpuNanos())).toList();
        return sorted.get(sorted.size() / 2);
    }

}
