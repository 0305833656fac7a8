package org.camelevolink.benchmarks;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** The report's PNG plots: one figure against the number of tasks, one line per scenario. */
final class Charts {

    /** A plot's file name, title, y-axis label and the figure it shows. */
    record Plot(String file, String title, String yLabel, boolean logY, ToDoubleFunction<ScenarioResult> figure) {
    }

    static final List<Plot> PLOTS = List.of(
            new Plot("bench-requests-per-task.png", "HTTP requests per task", "requests per task", true,
                    ScenarioResult::requestsPerTask),
            new Plot("bench-p95-latency.png", "p95 detection latency", "ms after the task ended", true,
                    ScenarioResult::latencyP95Millis),
            new Plot("bench-threads.png", "Peak live threads", "threads above baseline", false,
                    r -> r.peakThreads()),
            new Plot("bench-cpu-per-task.png", "CPU time per task", "microseconds per task", true,
                    ScenarioResult::cpuMicrosPerTask));

    private Charts() {
    }

    static void write(List<ScenarioResult> results, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Plot plot : PLOTS) {
            BitmapEncoder.saveBitmap(chart(results, plot), dir.resolve(plot.file()).toString(),
                    BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private static XYChart chart(List<ScenarioResult> results, Plot plot) {
        XYChart chart = new XYChartBuilder().width(760).height(420).title(plot.title())
                .xAxisTitle("tasks in flight (N)").yAxisTitle(plot.yLabel()).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(plot.logY());
        chart.getStyler().setMarkerSize(8);
        Map<String, List<ScenarioResult>> byScenario = new TreeMap<>();
        results.forEach(r -> byScenario.computeIfAbsent(r.id() + ") " + r.title(), k -> new ArrayList<>())
                .add(r));
        byScenario.forEach((name, rows) -> chart.addSeries(name,
                        rows.stream().mapToDouble(ScenarioResult::tasks).toArray(),
                        rows.stream().mapToDouble(r -> Math.max(plot.logY() ? 0.01 : 0, plot.figure().applyAsDouble(r)))
                                .toArray())
                .setMarker(SeriesMarkers.CIRCLE));
        return chart;
    }
}
